/** How the projections hand PostgreSQL many rows in one statement. */
package org.casetimeline.projections.sql;
