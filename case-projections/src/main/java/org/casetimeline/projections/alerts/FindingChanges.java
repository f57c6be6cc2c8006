package org.casetimeline.projections.alerts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
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
     * order live, the rules' order in a rebuild), and with as few alerts as the change allows: a finding standing as
     * one did before is that one; of the others, as many as can be are matched with an earlier standing they do not
     * escalate from; each finding left over alerts, escalated while earlier standings are left over, opened when none is.
     */
    public static List<FindingChange> between(List<Standing> before, List<Finding> after, Function<Finding, String> identity) {
        Map<String, List<Standing>> previous = new HashMap<>();
        before.stream().filter(Standing::alerting)
                .forEach(standing -> previous.computeIfAbsent(standing.identity(), id -> new ArrayList<>()).add(standing));
        Map<String, List<Integer>> current = new LinkedHashMap<>(); // positions in after, by identity
        for (int position = 0; position < after.size(); position++) {
            Finding finding = after.get(position);
            if (alerting(finding.open(), finding.kind(), finding.severity())) {
                current.computeIfAbsent(identity.apply(finding), id -> new ArrayList<>()).add(position);
            }
        }
        Change[] changed = new Change[after.size()];
        current.forEach((id, positions) -> {
            List<Standing> left = new ArrayList<>(previous.getOrDefault(id, List.of()));
            List<Integer> unmatchedAt = new ArrayList<>();
            for (int position : positions) {
                if (!left.remove(Standing.of(id, after.get(position)))) {
                    unmatchedAt.add(position);
                }
            }
            List<Finding> unmatched = unmatchedAt.stream().map(after::get).toList();
            left.sort(GRAVEST_FIRST);
            int[] heldBy = new int[left.size()]; // the unmatched finding each earlier standing is matched with, or -1
            Arrays.fill(heldBy, -1);
            boolean[] matched = new boolean[unmatched.size()];
            for (int finding = 0; finding < unmatched.size(); finding++) {
                matched[finding] = match(finding, unmatched, left, heldBy, new boolean[left.size()]);
            }
            int standingsLeft = (int) Arrays.stream(heldBy).filter(held -> held < 0).count();
            for (int finding = 0; finding < unmatched.size(); finding++) {
                if (!matched[finding]) {
                    changed[unmatchedAt.get(finding)] = standingsLeft-- > 0 ? Change.ESCALATED : Change.OPENED;
                }
            }
        });
        List<FindingChange> changes = new ArrayList<>();
        for (int position = 0; position < after.size(); position++) {
            if (changed[position] != null) {
                changes.add(new FindingChange(changed[position], after.get(position)));
            }
        }
        return changes;
    }

    /**
     * Matches the finding with an earlier standing it does not escalate from, moving earlier matches along where that
     * frees one (an augmenting path: with a handful of findings of one identity at most, the largest matching is cheap).
     */
    private static boolean match(int finding, List<Finding> findings, List<Standing> standings, int[] heldBy, boolean[] tried) {
        for (int standing = 0; standing < standings.size(); standing++) {
            if (!tried[standing] && !escalates(standings.get(standing), findings.get(finding))) {
                tried[standing] = true;
                if (heldBy[standing] < 0 || match(heldBy[standing], findings, standings, heldBy, tried)) {
                    heldBy[standing] = finding;
                    return true;
                }
            }
        }
        return false;
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
