package org.casetimeline.api.support;

import java.util.UUID;

/** Request bodies in the words of the field, built from the Atabek case of the seed documents. */
public final class Requests {

    public static final String PEN_SOURCE =
            "[{\"kind\":\"ngo_report\",\"citation\":\"PEN International, RAN 41/13 (seed 000)\",\"reliability\":\"B\"}]";

    private Requests() {
    }

    public static String facility(String name, String code, double latitude, double longitude) {
        return """
                {"name": "%s", "officialCode": "%s", "kind": "prison", "city": "%s", "country": "KZ",
                 "coordinates": {"latitude": %s, "longitude": %s}, "confidentiality": "public"}""".formatted(name, code, name, latitude, longitude);
    }

    public static String atabek() {
        return """
                {"names": ["Aron Atabek", "Арон Атабек"], "birthYear": 1953, "gender": "male", "occupation": "poet",
                 "home": {"name": "Almaty", "country": "KZ", "coordinates": {"latitude": 43.2389, "longitude": 76.8897}},
                 "nextOfKin": "his son", "sources": %s, "confidentiality": "public"}""".formatted(PEN_SOURCE);
    }

    public static String transfer(UUID from, UUID to, String on) {
        return """
                {"type": "PersonTransferred", "occurredAt": "%s", "sources": %s, "claim": "corroborated",
                 "confidentiality": "public",
                 "data": {"fromFacilityId": "%s", "toFacilityId": "%s", "noticeGiven": false}}"""
                .formatted(on, PEN_SOURCE, from, to);
    }

    public static String fact(String type, String occurredAt, String confidentiality, String data) {
        return """
                {"type": "%s", "occurredAt": "%s", "sources": %s, "confidentiality": "%s", "data": %s}"""
                .formatted(type, occurredAt, PEN_SOURCE, confidentiality, data);
    }

    /** A retraction, correction or dispute: it happens when it is recorded, so it carries no date of its own. */
    public static String amendment(String type, String confidentiality, String data) {
        return """
                {"type": "%s", "sources": %s, "confidentiality": "%s", "data": %s}"""
                .formatted(type, PEN_SOURCE, confidentiality, data);
    }
}
