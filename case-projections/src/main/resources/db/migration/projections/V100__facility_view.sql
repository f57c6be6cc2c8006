-- The facility registry as read by dashboards and pickers; rebuilt by replaying FacilityRegistered.
CREATE TABLE facility_view (
    facility_id   UUID PRIMARY KEY,
    name          TEXT NOT NULL,
    official_code TEXT,
    kind          TEXT NOT NULL,
    city          TEXT,
    region        TEXT,
    country       TEXT NOT NULL,
    latitude      DOUBLE PRECISION,
    longitude     DOUBLE PRECISION
);
CREATE INDEX facility_view_country ON facility_view (country);
