package org.casetimeline.core.shared;

/** A named place, such as a person's home town; coordinates are optional since sources often lack them. */
public record Place(String name, String region, String country, Coordinates coordinates) {

    public Place {
        country = country == null ? null : CountryCode.require("country", country);
    }
}
