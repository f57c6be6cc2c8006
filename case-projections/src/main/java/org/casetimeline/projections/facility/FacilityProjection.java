package org.casetimeline.projections.facility;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.casetimeline.core.event.FacilityRegistered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps {@code facility_view} in step with the facility registry; idempotent, and rebuilt by replay. */
@Component
@ProcessingGroup(FacilityProjection.NAME)
public class FacilityProjection {

    public static final String NAME = "facilities";

    private final JdbcClient jdbc;

    public FacilityProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(FacilityRegistered event) {
        jdbc.sql("""
                        INSERT INTO facility_view (facility_id, name, official_code, kind, city, region, country, latitude, longitude)
                        VALUES (:id, :name, :code, :kind, :city, :region, :country, :lat, :lon)
                        ON CONFLICT (facility_id) DO UPDATE SET name = EXCLUDED.name, official_code = EXCLUDED.official_code,
                            kind = EXCLUDED.kind, city = EXCLUDED.city, region = EXCLUDED.region, country = EXCLUDED.country,
                            latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude""")
                .param("id", event.facilityId().value())
                .param("name", event.name())
                .param("code", event.officialCode())
                .param("kind", event.kind().name())
                .param("city", event.city())
                .param("region", event.region())
                .param("country", event.country())
                .param("lat", event.coordinates() == null ? null : event.coordinates().latitude())
                .param("lon", event.coordinates() == null ? null : event.coordinates().longitude())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE facility_view").update();
    }

    public List<FacilityView> list() {
        return jdbc.sql("SELECT * FROM facility_view ORDER BY country, name").query(FacilityView.class).list();
    }

    public Optional<FacilityView> find(UUID id) {
        return jdbc.sql("SELECT * FROM facility_view WHERE facility_id = :id").param("id", id)
                .query(FacilityView.class).optional();
    }
}
