package org.casetimeline.api.dashboard;

import java.util.List;

/**
 * A case's timeline as drawn: a time axis, one labelled lane per kind of period, bars for periods and dots for
 * point facts, in SVG user units (the page scales the drawing to its width). Approximate things are marked so
 * the template can draw them dashed and faded rather than as if their dates were sure.
 */
record Chart(int width, int height, int plotLeft, List<Tick> ticks, List<LaneLabel> lanes, List<Bar> bars,
             List<Dot> dots, Double asOfX) {

    record Tick(double x, String label) {
    }

    record LaneLabel(double y, String name) {
    }

    /** A period: a stay, a solitary spell, a fact given with an end, or the interval of a flag. */
    record Bar(double x, double y, double width, double height, String kind, boolean approximate, String label,
               String title, String href) {
    }

    /** A point fact; {@code spanX..spanX+spanWidth} is the window a month or year date allows. */
    record Dot(double x, double y, double spanX, double spanWidth, boolean approximate, String title, String href) {
    }
}
