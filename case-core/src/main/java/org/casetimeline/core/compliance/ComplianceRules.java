package org.casetimeline.core.compliance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.casetimeline.core.compliance.rules.Mr44ProlongedSolitary;
import org.casetimeline.core.compliance.rules.Mr68DetentionNotice;
import org.casetimeline.core.compliance.rules.Mr68TransferNotice;
import org.casetimeline.core.compliance.rules.Mr68Whereabouts;
import org.casetimeline.core.timeline.Timeline;

/** The checks in the order findings are listed, and the one call that runs them all. */
public final class ComplianceRules {

    private static final List<ComplianceRule> ALL = List.of(
            new Mr68DetentionNotice(),
            new Mr68TransferNotice(),
            new Mr68Whereabouts(),
            new Mr44ProlongedSolitary());

    private ComplianceRules() {
    }

    public static List<ComplianceRule> all() {
        return ALL;
    }

    /** Every finding of every check, rule by rule in {@link #all()} order, then by start. */
    public static List<Finding> evaluate(Timeline timeline, Instant asOf, Thresholds thresholds) {
        List<Finding> findings = new ArrayList<>();
        for (ComplianceRule rule : ALL) {
            findings.addAll(rule.evaluate(timeline, asOf, thresholds).stream()
                    .sorted(Comparator.comparing(Finding::start).thenComparing(Finding::explanation)).toList());
        }
        return List.copyOf(findings);
    }
}
