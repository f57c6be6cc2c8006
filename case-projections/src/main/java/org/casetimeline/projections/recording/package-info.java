/**
 * The write side's storage beside Axon's own: the answers to idempotent requests, what a failed write to PostgreSQL
 * means, and the event store's JDBC engine.
 */
package org.casetimeline.projections.recording;
