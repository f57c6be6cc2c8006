package org.casetimeline.api.dashboard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.casetimeline.core.compliance.CaseFacts;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingKind;
import org.casetimeline.core.compliance.SolitarySpell;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.timeline.MedicalRequests;
import org.casetimeline.core.timeline.Placement;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;
import org.casetimeline.projections.status.CaseEvaluation;
import org.springframework.stereotype.Component;

/**
 * Lays a case out on a time axis from the evaluation the status card uses: stays from its placements, solitary
 * spells as the solitary checks read them, facts given with an end as periods, other facts as dots, flags as
 * their intervals. Nothing is computed here that the domain does not already compute; this only places it.
 */
@Component
class TimelineChart {

    private static final int WIDTH = 1200;
    private static final int PLOT_LEFT = 130;
    private static final int PLOT_RIGHT = 1185;
    private static final int TOP = 26;
    private static final int ROW = 18;
    private static final int LANE_GAP = 10;
    private static final int MAX_ROWS = 12;
    private static final int MAX_DOT_ROWS = 6;

    private final Thresholds thresholds;
    private final Words words;

    TimelineChart(Thresholds thresholds, Words words) {
        this.thresholds = thresholds;
        this.words = words;
    }

    Chart draw(Timeline timeline, CaseEvaluation evaluation, Instant at, boolean pastDate, Map<String, String> places) {
        List<TimelineFact> facts = timeline.factsUpTo(at);
        Instant from = facts.stream().map(TimelineFact::earliest).min(Instant::compareTo).orElse(at);
        Axis axis = new Axis(startOfYear(from), at);
        Layout layout = new Layout(axis);
        layout.lane("Held in", stays(evaluation.stays(), at, places, axis));
        layout.lane("Solitary", solitary(timeline, at, axis));
        layout.lane("Medical", medicalRequests(timeline, at, axis));
        layout.lane("Periods", periods(facts, at, axis));
        layout.dots("Facts", facts.stream().filter(fact -> fact.until() == null).toList());
        layout.lane("Flags", flags(evaluation.findings(), at, axis));
        return new Chart(WIDTH, layout.y + 4, PLOT_LEFT, axis.ticks(), layout.labels, layout.bars, layout.dots,
                pastDate ? axis.x(at) : null);
    }

    private List<Chart.Bar> stays(List<Placement> stays, Instant at, Map<String, String> places, Axis axis) {
        List<Chart.Bar> bars = new ArrayList<>();
        for (Placement stay : stays) {
            if (stay.start().earliest().isAfter(at)) {
                continue;
            }
            TimelineFact end = stay.end() != null && !stay.end().earliest().isAfter(at) ? stay.end() : null;
            String name = stay.inTransit() ? "in transit" : places.getOrDefault(stay.facilityId().toString(), "a facility");
            boolean approximate = stay.start().approximate() || (end != null && end.approximate());
            bars.add(axis.bar(stay.start().earliest(), end == null ? at : end.earliest(), stay.inTransit() ? "transit" : "stay",
                    approximate, name, name + " from " + stay.start().fact().occurred().at()
                            + (end == null ? "" : " to " + end.fact().occurred().at()),
                    stay.inTransit() ? null : "/facilities/" + stay.facilityId()));
        }
        return bars;
    }

    private List<Chart.Bar> solitary(Timeline timeline, Instant at, Axis axis) {
        return SolitarySpell.of(CaseFacts.of(timeline, at), thresholds.solitaryJoinGap()).stream()
                .map(spell -> axis.bar(spell.span().start().earliest(),
                        spell.span().end() == null ? at : spell.span().end().earliest(), "solitary",
                        spell.span().approximate(), "solitary", "Solitary confinement from " + spell.span().start().text()
                                + (spell.span().end() == null ? ", not ended" : " to " + spell.span().end().text()),
                        "#fact-" + spell.impositions().get(0).factId()))
                .toList();
    }

    /** Each request for medical care, from when it was made until it was answered (or until now, still waiting). */
    private static List<Chart.Bar> medicalRequests(Timeline timeline, Instant at, Axis axis) {
        return MedicalRequests.of(timeline).stream()
                .filter(waiting -> !waiting.request().earliest().isAfter(at))
                .map(waiting -> {
                    boolean answered = waiting.answer() != null && !waiting.answer().earliest().isAfter(at);
                    return axis.bar(waiting.request().earliest(), answered ? waiting.answer().earliest() : at, "medical",
                            waiting.request().approximate() || (answered && waiting.answer().approximate()),
                            answered ? "request" : "waiting", "Medical request of " + waiting.request().fact().occurred().at()
                                    + (answered ? ", answered " + waiting.answer().fact().occurred().at() : ", still waiting"),
                            "#fact-" + waiting.request().factId());
                })
                .toList();
    }

    private List<Chart.Bar> periods(List<TimelineFact> facts, Instant at, Axis axis) {
        return facts.stream().filter(fact -> fact.until() != null)
                .map(fact -> axis.bar(fact.earliest(), min(fact.until().latest(), at), "period", fact.approximate(),
                        words.factType(fact.fact().getClass().getSimpleName()),
                        words.factType(fact.fact().getClass().getSimpleName()) + ", " + fact.fact().occurred().at()
                                + " – " + fact.fact().occurred().until(), "#fact-" + fact.factId()))
                .toList();
    }

    private static List<Chart.Bar> flags(List<Finding> findings, Instant at, Axis axis) {
        List<Chart.Bar> bars = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            if (finding.kind() == FindingKind.UNKNOWN) {
                continue;
            }
            bars.add(axis.bar(finding.start(), finding.end() == null ? at : min(finding.end(), at),
                    "flag-" + finding.severity().name().toLowerCase(), finding.approximate() || finding.kind() == FindingKind.POSSIBLE,
                    finding.ruleId(), finding.ruleId() + ": " + finding.explanation(), "#flag-" + i));
        }
        return bars;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant startOfYear(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).withDayOfYear(1).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Instants to x positions, with year ticks thinned to fit. */
    private record Axis(Instant from, Instant to) {

        double x(Instant instant) {
            double span = Math.max(1, to.getEpochSecond() - from.getEpochSecond());
            double share = (instant.getEpochSecond() - from.getEpochSecond()) / span;
            return round(PLOT_LEFT + Math.max(0, Math.min(1, share)) * (PLOT_RIGHT - PLOT_LEFT));
        }

        Chart.Bar bar(Instant start, Instant end, String kind, boolean approximate, String label, String title,
                      String href) {
            double x = x(start);
            return new Chart.Bar(x, 0, Math.max(3, round(x(end) - x)), ROW - 4, kind, approximate, label, title, href);
        }

        List<Chart.Tick> ticks() {
            int first = from.atZone(ZoneOffset.UTC).getYear();
            int last = to.atZone(ZoneOffset.UTC).getYear();
            int step = Math.max(1, (last - first + 1) / 12 + 1);
            List<Chart.Tick> ticks = new ArrayList<>();
            for (int year = first; year <= last; year += step) {
                ticks.add(new Chart.Tick(x(java.time.LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant()),
                        String.valueOf(year)));
            }
            return ticks;
        }
    }

    /** Stacks items of a lane into rows so that none overlaps, up to a few rows. */
    private final class Layout {

        private final Axis axis;
        private final List<Chart.LaneLabel> labels = new ArrayList<>();
        private final List<Chart.Bar> bars = new ArrayList<>();
        private final List<Chart.Dot> dots = new ArrayList<>();
        private int y = TOP;

        Layout(Axis axis) {
            this.axis = axis;
        }

        void lane(String name, List<Chart.Bar> items) {
            if (items.isEmpty()) {
                return;
            }
            List<Double> rowEnds = new ArrayList<>();
            for (Chart.Bar bar : items) {
                int row = row(rowEnds, bar.x(), bar.x() + bar.width() + 2, MAX_ROWS);
                bars.add(new Chart.Bar(bar.x(), y + row * ROW, bar.width(), bar.height(), bar.kind(), bar.approximate(),
                        bar.width() > bar.label().length() * 6.5 + 8 ? bar.label() : null, bar.title(), bar.href()));
            }
            close(name, rowEnds.size());
        }

        void dots(String name, List<TimelineFact> facts) {
            if (facts.isEmpty()) {
                return;
            }
            List<Double> rowEnds = new ArrayList<>();
            for (TimelineFact fact : facts) {
                double start = axis.x(fact.earliest());
                double end = axis.x(fact.latest());
                double centre = round((start + end) / 2);
                int row = row(rowEnds, Math.min(start, centre - 5), Math.max(end, centre + 5), MAX_DOT_ROWS);
                String type = words.factType(fact.fact().getClass().getSimpleName());
                dots.add(new Chart.Dot(centre, y + row * ROW + (ROW - 4) / 2.0, start, round(end - start),
                        fact.approximate(), type + ", " + fact.fact().occurred().at(), "#fact-" + fact.factId()));
            }
            close(name, rowEnds.size());
        }

        /** The first row free at {@code start}; past {@code limit} rows, the last row takes the overflow. */
        private int row(List<Double> rowEnds, double start, double end, int limit) {
            for (int row = 0; row < rowEnds.size(); row++) {
                if (rowEnds.get(row) < start) {
                    rowEnds.set(row, end);
                    return row;
                }
            }
            if (rowEnds.size() < limit) {
                rowEnds.add(end);
                return rowEnds.size() - 1;
            }
            rowEnds.set(limit - 1, Math.max(rowEnds.get(limit - 1), end));
            return limit - 1;
        }

        private void close(String name, int rows) {
            labels.add(new Chart.LaneLabel(y + (ROW - 4) / 2.0 + 4, name));
            y += rows * ROW + LANE_GAP;
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
