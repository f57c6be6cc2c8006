package org.casetimeline.core.shared;

/** One source supporting a fact: what kind, where to find it, and how far it can be trusted. */
public record Source(SourceKind kind, String citation, Reliability reliability) {

    public Source {
        if (kind == null) {
            throw new IllegalArgumentException("a source needs its kind");
        }
        if (citation == null || citation.isBlank()) {
            throw new IllegalArgumentException("a source needs a citation or URL");
        }
        if (reliability == null) {
            reliability = Reliability.F;
        }
    }
}
