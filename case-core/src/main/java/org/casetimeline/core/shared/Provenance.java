package org.casetimeline.core.shared;

import java.util.List;

/** Where a fact comes from and who may read it: its sources, how established it is, its confidentiality. */
public record Provenance(List<Source> sources, ClaimStatus claim, Confidentiality confidentiality) {

    public Provenance {
        if (sources != null && sources.contains(null)) {
            throw new InvalidFact("sources[" + sources.indexOf(null) + "]", "a source is required where a null was given");
        }
        sources = sources == null ? List.of() : List.copyOf(sources);
        if (claim == null) {
            claim = ClaimStatus.ALLEGED;
        }
        if (confidentiality == null) {
            confidentiality = Confidentiality.PUBLIC;
        }
    }
}
