/**
 * Bulk import of registrations, facilities and facts as NDJSON: one request is one batch and one transaction,
 * through the same translator, aggregate rules and hash chain as the REST API.
 */
package org.casetimeline.api.imports;
