package org.casetimeline.projections.facility;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.casetimeline.core.event.FacilityRegistered;
import org.casetimeline.core.shared.Confidentiality;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code facility_view} in step with the facility registry; idempotent, and rebuilt by replay. A reader is shown
 * only the facilities their clearance reaches, as with facts: a site known from a confidential account is no one
 * else's to list.
 */
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
                        INSERT INTO facility_view (facility_id, name, official_code, kind, city, region, country, latitude, longitude,
                                                   confidentiality)
                        VALUES (:id, :name, :code, :kind, :city, :region, :country, :lat, :lon, :level)
                        ON CONFLICT (facility_id) DO UPDATE SET name = EXCLUDED.name, official_code = EXCLUDED.official_code,
                            kind = EXCLUDED.kind, city = EXCLUDED.city, region = EXCLUDED.region, country = EXCLUDED.country,
                            latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
                            confidentiality = EXCLUDED.confidentiality""")
                .param("id", event.facilityId().value())
                .param("name", event.name())
                .param("code", event.officialCode())
                .param("kind", event.kind().name())
                .param("city", event.city())
                .param("region", event.region())
                .param("country", event.country())
                .param("lat", event.coordinates() == null ? null : event.coordinates().latitude())
                .param("lon", event.coordinates() == null ? null : event.coordinates().longitude())
                .param("level", event.level().name())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE facility_view").update();
    }

    /** The facilities a reader with this clearance may see. */
    public List<FacilityView> list(Confidentiality clearance) {
        return jdbc.sql("SELECT * FROM facility_view WHERE confidentiality IN (:levels) ORDER BY country, name")
                .param("levels", Confidentiality.namesVisibleTo(clearance)).query(FacilityView.class).list();
    }

    /** The facility, if a reader with this clearance may see it: one they may not is answered as one not registered. */
    public Optional<FacilityView> find(UUID id, Confidentiality clearance) {
        return jdbc.sql("SELECT * FROM facility_view WHERE facility_id = :id AND confidentiality IN (:levels)")
                .param("id", id).param("levels", Confidentiality.namesVisibleTo(clearance))
                .query(FacilityView.class).optional();
    }
}
