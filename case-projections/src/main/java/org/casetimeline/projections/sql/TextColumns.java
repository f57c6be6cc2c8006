package org.casetimeline.projections.sql;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.support.AbstractSqlTypeValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Rows collected column by column, each column sent as one text array that the statement unnests and casts
 * ({@code FROM unnest(CAST(:case_id AS text[]), ...)}). One statement writes any number of rows: a JDBC batch of
 * single-row statements had PostgreSQL execute the statement once a row, which made the projection's writes most
 * of the database's work in a rebuild.
 */
public final class TextColumns {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSS'+00'", Locale.ROOT);

    private final List<String> names;
    private final List<List<String>> values = new ArrayList<>();

    public TextColumns(String... names) {
        this.names = List.of(names);
        for (int i = 0; i < names.length; i++) {
            values.add(new ArrayList<>());
        }
    }

    /** One row, a value (or null) for each column in the order the columns were named. */
    public TextColumns add(Object... row) {
        if (row.length != names.size()) {
            throw new IllegalArgumentException(names.size() + " columns, " + row.length + " values");
        }
        for (int i = 0; i < row.length; i++) {
            values.get(i).add(text(row[i]));
        }
        return this;
    }

    public int size() {
        return values.isEmpty() ? 0 : values.get(0).size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** Each column as a text array, under its name. */
    public MapSqlParameterSource parameters() {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        for (int i = 0; i < names.size(); i++) {
            String[] column = values.get(i).toArray(String[]::new);
            parameters.addValue(names.get(i), new AbstractSqlTypeValue() {
                @Override
                protected Object createTypeValue(Connection connection, int sqlType, String typeName) {
                    return column; // PostgreSQL's driver sends a String[] as a varchar[] in binary, with no quoting
                }
            });
        }
        return parameters;
    }

    /** The text PostgreSQL casts back: an instant as {@link #timestamp}, others as they print. */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return timestamp(instant);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return value.toString();
    }

    /**
     * An instant as PostgreSQL reads a {@code timestamptz} in any year it holds, in UTC. ISO 8601's year 0 is its
     * 1 BC, and a year past 9999 takes more digits; {@link Instant#toString()} writes both in ways PostgreSQL refuses,
     * and a fact may be dated in any year from 0000 to 9999.
     */
    static String timestamp(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        int year = utc.getYear();
        if (year >= 1 && year <= 9999) {
            return TIMESTAMP.format(utc);
        }
        return String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d.%09d+00%s", year >= 1 ? year : 1 - year,
                utc.getMonthValue(), utc.getDayOfMonth(), utc.getHour(), utc.getMinute(), utc.getSecond(), utc.getNano(),
                year >= 1 ? "" : " BC");
    }
}
