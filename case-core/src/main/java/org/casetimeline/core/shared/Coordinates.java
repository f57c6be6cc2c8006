package org.casetimeline.core.shared;

/** A point on the Earth in decimal degrees (WGS 84). */
public record Coordinates(double latitude, double longitude) {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    public Coordinates {
        // written so that NaN, which compares false with everything, is refused too
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("latitude must lie between -90 and 90");
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("longitude must lie between -180 and 180");
        }
    }

    /** Great-circle distance by the haversine formula, in kilometres. */
    public double kilometresTo(Coordinates other) {
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(latitude)) * Math.cos(Math.toRadians(other.latitude)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
    }
}
