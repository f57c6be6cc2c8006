package org.casetimeline.api.dashboard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * How the pages say things, called from templates as {@code @words}: enum names and fact types in plain
 * words, instants as UTC dates (the day a finding starts is what a letter quotes, not the hour).
 */
@Component("words")
public class Words {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** {@code DETAINED_PRE_TRIAL} as "detained pre-trial". */
    public String plain(Object constant) {
        if (constant == null) {
            return "";
        }
        return constant.toString().toLowerCase(Locale.ROOT).replace("pre_trial", "pre-trial").replace('_', ' ');
    }

    /** {@code PersonTransferred} as "Person transferred". */
    public String factType(String type) {
        if (type == null) {
            return "";
        }
        String spaced = type.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** {@code fromFacilityId} as "from facility". */
    public String field(String name) {
        return factType(name.replaceFirst("Id$", "")).toLowerCase(Locale.ROOT);
    }

    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }

    public String day(String instant) {
        return instant == null || instant.isBlank() ? "" : day(Instant.parse(instant));
    }

    /** Kilometres as a person reads them: "1,403 km". */
    public String km(Number distance) {
        return distance == null ? "" : String.format(Locale.ENGLISH, "%,d km", Math.round(distance.doubleValue()));
    }
}
