/** The embedded PostgreSQL that runs when no database is configured. */
package org.casetimeline.api.embedded;
