package org.casetimeline.api.imports;

/** The answer to a stored batch: how many lines, events, cases opened and facilities registered it held. */
public record ImportResult(long lines, long events, long casesRegistered, long facilitiesRegistered) {
}
