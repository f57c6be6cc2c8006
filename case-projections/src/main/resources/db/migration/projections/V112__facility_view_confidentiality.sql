-- Who may see a facility (FacilityRegistered revision 2). Sites registered before had no level and were listed to
-- every viewer: they stay public.
ALTER TABLE facility_view ADD COLUMN confidentiality TEXT NOT NULL DEFAULT 'PUBLIC';
