/** How the projections hand PostgreSQL many rows in one statement, and read for longer than a transaction may last. */
package org.casetimeline.projections.sql;
