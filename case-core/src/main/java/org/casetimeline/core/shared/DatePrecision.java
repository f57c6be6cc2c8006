package org.casetimeline.core.shared;

/** How precisely a source dates a fact; the ISO 8601 form of a date tells it ("2013", "2013-10", "2013-10-05", an instant). */
public enum DatePrecision {
    INSTANT, DAY, MONTH, YEAR;

    public boolean isApproximate() {
        return this != INSTANT && this != DAY;
    }
}
