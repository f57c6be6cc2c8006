package org.casetimeline.core.compliance;

import org.casetimeline.core.event.ConditionsReported;
import org.casetimeline.core.shared.FactId;

/** A conditions report in the field's words: {@code aCase.conditions().noNaturalLight().on("2014-03-01")}; unsaid points stay null. */
public final class Conditions {

    private final CaseFixture owner;
    private Boolean naturalLight;
    private Boolean lightsOn;
    private Double temperature;
    private Boolean toilet;
    private Boolean bedding;
    private Boolean books;
    private Boolean news;
    private Boolean writing;
    private Boolean confiscated;
    private Boolean clothing;
    private Integer exerciseMinutes;
    private Boolean indoorsOnly;
    private Boolean otherLegalStatus;

    Conditions(CaseFixture owner) {
        this.owner = owner;
    }

    public Conditions naturalLight(boolean value) { naturalLight = value; return this; }
    public Conditions noNaturalLight() { return naturalLight(false); }
    public Conditions lightsOnAroundTheClock() { lightsOn = true; return this; }
    public Conditions celsius(double value) { temperature = value; return this; }
    public Conditions noToilet() { toilet = false; return this; }
    public Conditions noBedding() { bedding = false; return this; }
    public Conditions books(boolean value) { books = value; return this; }
    public Conditions news(boolean value) { news = value; return this; }
    public Conditions writingMaterials(boolean value) { writing = value; return this; }
    public Conditions writingsConfiscated() { confiscated = true; return this; }
    public Conditions clothingAdequate(boolean value) { clothing = value; return this; }
    public Conditions outdoorExerciseMinutes(int value) { exerciseMinutes = value; return this; }
    public Conditions exerciseIndoorsOnly() { indoorsOnly = true; return this; }
    public Conditions heldWithOtherLegalStatus(boolean value) { otherLegalStatus = value; return this; }

    public CaseFixture.Pending report() {
        return owner.pending((id, when) -> new ConditionsReported(owner.caseId(), id, when, owner.provenance(),
                naturalLight, lightsOn, temperature, toilet, bedding, null, books, news, writing, confiscated,
                exerciseMinutes, indoorsOnly, clothing, otherLegalStatus, null));
    }

    public FactId on(String iso) {
        return report().on(iso);
    }

    public FactId between(String from, String until) {
        return report().between(from, until);
    }
}
