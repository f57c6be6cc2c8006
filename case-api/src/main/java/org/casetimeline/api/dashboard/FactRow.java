package org.casetimeline.api.dashboard;

import java.util.List;

import org.casetimeline.core.shared.Source;

/**
 * One fact as the chronology lists it: what, when (as precisely as the source said), its details, its sources,
 * and what later records say of it: retracted (why), corrected (by which fact), disputed (by what claim).
 */
record FactRow(String id, String type, String when, boolean approximate, boolean retracted, boolean superseded,
               List<Detail> details, List<Source> sources, String claim, String confidentiality, String recordedBy,
               String recordedAt, String retractionReason, String correctionReason, String correctedBy,
               String corrects, List<String> disputes, List<String> withdrawnDisputes) {

    /** One field of the fact; {@code href} links it to the facility or fact it names. */
    record Detail(String name, String value, String href) {
    }

    public boolean struck() {
        return retracted || superseded;
    }
}
