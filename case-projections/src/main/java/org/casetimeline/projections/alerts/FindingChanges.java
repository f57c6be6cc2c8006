package org.casetimeline.projections.alerts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingKind;

/**
 * Which findings opened or escalated between two evaluations of a case. A finding is the same finding while
 * its rule and start stay the same; it escalates when its severity rises or a POSSIBLE becomes a FLAG.
 * Data gaps (UNKNOWN) never alert.
 */
public final class FindingChanges {

    public enum Change { OPENED, ESCALATED }

    public record FindingChange(Change change, Finding finding) {
    }

    private FindingChanges() {
    }

    public static List<FindingChange> between(List<Finding> before, List<Finding> after) {
        Map<String, Finding> previous = new HashMap<>();
        before.stream().filter(FindingChanges::alerting).forEach(f -> previous.put(key(f), f));
        List<FindingChange> changes = new ArrayList<>();
        for (Finding finding : after) {
            if (!alerting(finding)) {
                continue;
            }
            Finding earlier = previous.get(key(finding));
            if (earlier == null) {
                changes.add(new FindingChange(Change.OPENED, finding));
            } else if (finding.severity().compareTo(earlier.severity()) < 0
                    || (earlier.kind() == FindingKind.POSSIBLE && finding.kind() == FindingKind.FLAG)) {
                changes.add(new FindingChange(Change.ESCALATED, finding));
            }
        }
        return changes;
    }

    private static boolean alerting(Finding finding) {
        return finding.open() && finding.kind() != FindingKind.UNKNOWN;
    }

    private static String key(Finding finding) {
        return finding.ruleId() + "@" + finding.start();
    }
}
