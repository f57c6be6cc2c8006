package org.casetimeline.core.compliance;

import java.util.Map;

/**
 * What each rule asks, in plain words (our paraphrase of A/RES/70/175 and its companion standards, as in
 * rules.md): shown beside findings for campaigners. Quote the resolution itself in anything published.
 */
public final class RuleTexts {

    private static final Map<String, String> ASKS = Map.ofEntries(
            Map.entry("MR68-DETENTION-NOTICE",
                    "The person can tell family at once of the detention"),
            Map.entry("MR68-TRANSFER-NOTICE",
                    "... and of every transfer"),
            Map.entry("MR68-WHEREABOUTS",
                    "Family and lawyers can learn where the person is"),
            Map.entry("MR69-DEATH-NOTICE",
                    "Next of kin told at once of a death, serious illness or injury"),
            Map.entry("MR70-RELATIVE-NEWS",
                    "The person told at once of a close relative's serious illness or death"),
            Map.entry("MR59-DISTANCE",
                    "Held, as far as possible, near home"),
            Map.entry("MR44-PROLONGED-SOLITARY",
                    "Solitary (22+ h a day without meaningful contact) over 15 consecutive days is banned"),
            Map.entry("MR43-INDEFINITE-SOLITARY",
                    "No open-ended solitary; only as a last resort, authorised and reviewed, never because of the sentence or for expression"),
            Map.entry("MR45-SOLITARY-DISABILITY",
                    "No solitary where it would worsen a disability or illness"),
            Map.entry("MR46-SOLITARY-HEALTH-VISITS",
                    "Health staff visit people in solitary every day"),
            Map.entry("MR43-FAMILY-CONTACT-SANCTION",
                    "A sanction may never ban family contact; means may be limited only briefly"),
            Map.entry("MR58-FAMILY-CONTACT",
                    "Contact with family at regular intervals: letters, calls, visits"),
            Map.entry("MR23-EXERCISE",
                    "At least one hour a day in the open air"),
            Map.entry("MR47-RESTRAINTS",
                    "No chains or irons; restraints only when necessary, never as punishment"),
            Map.entry("MR14-CELL-CONDITIONS",
                    "Natural light, no dark or constantly lit cells, decent heat and sanitation even under sanction"),
            Map.entry("MR19-CLOTHING",
                    "Clothing suited to the climate"),
            Map.entry("MR52-INTRUSIVE-SEARCH",
                    "Strip and cavity searches only when absolutely necessary, in private, by same-sex staff, never to humiliate"),
            Map.entry("MR27-MEDICAL-DENIED",
                    "Prompt medical care of community standard; hospital when needed"),
            Map.entry("MR31-MEDICAL-UNANSWERED",
                    "A doctor sees anyone who reports illness or injury, daily"),
            Map.entry("MR27-CLINICAL-OVERRULED",
                    "Only health professionals make clinical decisions"),
            Map.entry("MR5-ACCOMMODATION",
                    "Reasonable accommodation for disability"),
            Map.entry("MR30-ADMISSION-EXAM",
                    "A medical examination on admission that looks for ill-treatment; signs of torture documented and reported"),
            Map.entry("MR33-HEALTH-DETERIORATION",
                    "The doctor reports when detention harms health"),
            Map.entry("MR57-TORTURE-INVESTIGATION",
                    "Ill-treatment allegations handled at once, investigated promptly and impartially by an independent body"),
            Map.entry("MR71-CUSTODIAL-DEATH",
                    "A death, disappearance or serious injury in custody reported without delay to an independent authority that investigates; family informed"),
            Map.entry("MR71-POST-RELEASE-DEATH",
                    "A death soon after release from long custody calls for an inquiry into custody-related causes"),
            Map.entry("MR73-TRANSPORT",
                    "Transport without needless hardship or exposure"),
            Map.entry("MR41-DISCIPLINE-PROCESS",
                    "Sanctions only by law, after the person is told and heard, with review"),
            Map.entry("MR61-LEGAL-ACCESS",
                    "A lawyer without delay, in confidence"),
            Map.entry("GC35-JUDICIAL-REVIEW",
                    "An arrested person told the reasons promptly and brought before a judge promptly"),
            Map.entry("MR112-SEPARATION",
                    "Untried and convicted people held apart"),
            Map.entry("MR64-READING-WRITING",
                    "Books, news and the means to write"),
            Map.entry("MR57-COMPLAINT-REPRISAL",
                    "Complaints answered promptly, without reprisal"));

    private RuleTexts() {
    }

    /** The plain-words text of a rule id, or an empty string for an id it does not know. */
    public static String asks(String ruleId) {
        return ASKS.getOrDefault(ruleId, "");
    }
}
