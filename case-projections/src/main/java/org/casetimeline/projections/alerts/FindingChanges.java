package org.casetimeline.projections.alerts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
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

    /** Established before possible before unknown, then by severity: the order a finding escalates in. */
    private static final Comparator<Standing> GRAVEST_FIRST = Comparator.comparing(Standing::kind).thenComparing(Standing::severity);

    /**
     * The changes from the earlier findings' standings to {@code after}, whose identities {@code identity} gives, in the
     * order of {@code after}. A case may hold several findings of one identity (two requests made the same day), so
     * each identity's earlier standings are matched as a set, never by the order they were read in (their rows' key
     * order live, the rules' order in a rebuild): a finding standing as one did before is that one; each other is
     * compared with the gravest earlier standing left, and one with none left opened.
     */
    public static List<FindingChange> between(List<Standing> before, List<Finding> after, Function<Finding, String> identity) {
        Map<String, List<Standing>> previous = new HashMap<>();
        before.stream().filter(Standing::alerting)
                .forEach(standing -> previous.computeIfAbsent(standing.identity(), id -> new ArrayList<>()).add(standing));
        Map<String, List<Finding>> current = new LinkedHashMap<>();
        after.stream().filter(finding -> alerting(finding.open(), finding.kind(), finding.severity()))
                .forEach(finding -> current.computeIfAbsent(identity.apply(finding), id -> new ArrayList<>()).add(finding));
        Map<Finding, Change> changed = new IdentityHashMap<>();
        current.forEach((id, findings) -> {
            List<Standing> left = new ArrayList<>(previous.getOrDefault(id, List.of()));
            List<Finding> unmatched = new ArrayList<>();
            for (Finding finding : findings) {
                Standing same = Standing.of(id, finding);
                if (!left.remove(same)) {
                    unmatched.add(finding);
                }
            }
            left.sort(GRAVEST_FIRST);
            List<Finding> gravestFirst = unmatched.stream()
                    .sorted(Comparator.comparing((Finding finding) -> Standing.of(id, finding), GRAVEST_FIRST)).toList();
            for (int i = 0; i < gravestFirst.size(); i++) {
                Finding finding = gravestFirst.get(i);
                if (i >= left.size()) {
                    changed.put(finding, Change.OPENED);
                } else if (escalates(left.get(i), finding)) {
                    changed.put(finding, Change.ESCALATED);
                }
            }
        });
        List<FindingChange> changes = new ArrayList<>();
        for (Finding finding : after) {
            Change change = changed.get(finding);
            if (change != null) {
                changes.add(new FindingChange(change, finding));
            }
        }
        return changes;
    }

    private static boolean escalates(Standing earlier, Finding finding) {
        return finding.severity().compareTo(earlier.severity()) < 0
                || (earlier.kind() == FindingKind.POSSIBLE && finding.kind() == FindingKind.FLAG)
                || (earlier.kind() == FindingKind.UNKNOWN && finding.kind() != FindingKind.UNKNOWN);
    }

    private static boolean alerting(boolean open, FindingKind kind, Severity severity) {
        return open && (kind != FindingKind.UNKNOWN || severity == Severity.CRITICAL);
    }
}
