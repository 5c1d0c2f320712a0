-- Registrations from before the statistics facts: the certificate in force now is the one
-- the statistics count (the participant key and the needs follow from the scheduled job
-- `statistics_facts`, which needs the secret that SQL does not have).
UPDATE registrations SET stat_certified_at = (
  SELECT MIN(c.issued_at) FROM certificates c WHERE c.registration_id = registrations.id AND c.revoked_at IS NULL
) WHERE stat_certified_at IS NULL AND EXISTS (SELECT 1 FROM certificates c WHERE c.registration_id = registrations.id AND c.revoked_at IS NULL);
