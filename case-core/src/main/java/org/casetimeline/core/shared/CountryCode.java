package org.casetimeline.core.shared;

import java.util.Locale;
import java.util.Set;

/** Countries are named by their ISO 3166-1 alpha-2 code ("KZ"), so that reports can group and compare them. */
public final class CountryCode {

    private static final Set<String> ISO_3166 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    private CountryCode() {
    }

    /** The code in upper case, or {@link InvalidFact} naming {@code field} if it is not an ISO 3166-1 code. */
    public static String require(String field, String code) {
        String upper = code == null ? null : code.toUpperCase(Locale.ROOT);
        if (upper == null || !ISO_3166.contains(upper)) {
            throw new InvalidFact(field, "must be an ISO 3166-1 alpha-2 country code, such as KZ");
        }
        return upper;
    }
}
