package org.casetimeline.projections.alerts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingKind;
import org.casetimeline.core.compliance.Severity;

/**
 * Which findings opened or escalated between two evaluations of a case. A finding is the same finding while
 * its rule and start stay the same; it escalates when its severity rises, or a POSSIBLE becomes a FLAG, or a critical
 * data gap is established either way. Data gaps (UNKNOWN) alert only when critical and open: a death in custody with
 * no report on record (MR71) is what a monitor must ask after at once; other gaps are many, and wait on the case page.
 */
public final class FindingChanges {

    public enum Change { OPENED, ESCALATED }

    public record FindingChange(Change change, Finding finding) {
    }

    /**
     * How a finding stood at the earlier evaluation: its identity (rule and start), and all else deciding a change
     * needs, so that a stored row's columns serve without its JSON.
     */
    public record Standing(String identity, Severity severity, FindingKind kind, boolean open) {
        public static Standing of(String identity, Finding finding) {
            return new Standing(identity, finding.severity(), finding.kind(), finding.open());
        }

        boolean alerting() {
            return FindingChanges.alerting(open, kind, severity);
        }
    }

    private FindingChanges() {
    }

    /** The changes from the earlier findings' standings to {@code after}, whose identities {@code identity} gives. */
    public static List<FindingChange> between(List<Standing> before, List<Finding> after, Function<Finding, String> identity) {
        Map<String, Standing> previous = new HashMap<>();
        before.stream().filter(Standing::alerting).forEach(standing -> previous.put(standing.identity(), standing));
        List<FindingChange> changes = new ArrayList<>();
        for (Finding finding : after) {
            if (!alerting(finding.open(), finding.kind(), finding.severity())) {
                continue;
            }
            Standing earlier = previous.get(identity.apply(finding));
            if (earlier == null) {
                changes.add(new FindingChange(Change.OPENED, finding));
            } else if (finding.severity().compareTo(earlier.severity()) < 0
                    || (earlier.kind() == FindingKind.POSSIBLE && finding.kind() == FindingKind.FLAG)
                    || (earlier.kind() == FindingKind.UNKNOWN && finding.kind() != FindingKind.UNKNOWN)) {
                changes.add(new FindingChange(Change.ESCALATED, finding));
            }
        }
        return changes;
    }

    private static boolean alerting(boolean open, FindingKind kind, Severity severity) {
        return open && (kind != FindingKind.UNKNOWN || severity == Severity.CRITICAL);
    }
}
