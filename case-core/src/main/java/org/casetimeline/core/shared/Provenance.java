package org.casetimeline.core.shared;

import java.util.List;

/** Where a fact comes from and who may read it: its sources, how established it is, its confidentiality. */
public record Provenance(List<Source> sources, ClaimStatus claim, Confidentiality confidentiality) {

    public Provenance {
        for (int i = 0; sources != null && i < sources.size(); i++) {
            if (sources.get(i) == null) { // an immutable list refuses contains(null) itself
                throw new InvalidFact("sources[" + i + "]", "a source is required where a null was given");
            }
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
