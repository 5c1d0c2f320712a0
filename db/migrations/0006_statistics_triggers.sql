-- Statistics facts that follow the registration's status and its certificate (db/schema.ts,
-- domain/statistics/facts.ts). Triggers, so that every writer keeps them without knowing:
-- a guarded UPDATE in places/, an organiser's action, the scheduler, a future one. They write
-- only the stat_* columns, which nothing else writes, and changes() / meta.changes of the
-- statement that fired them stay its own (SQLite counts trigger changes apart).

CREATE TRIGGER `registrations_statistics_inserted` AFTER INSERT ON `registrations`
WHEN NEW.status IN ('waitlisted', 'held', 'confirmed', 'offered')
BEGIN
  UPDATE registrations SET
    stat_waitlisted_at = CASE WHEN NEW.status = 'waitlisted' THEN NEW.created_at END,
    stat_placed_at = CASE WHEN NEW.status IN ('held', 'confirmed', 'offered') THEN NEW.created_at END
  WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `registrations_statistics_status` AFTER UPDATE OF status ON `registrations`
WHEN NEW.status IS NOT OLD.status AND NEW.status IN ('waitlisted', 'held', 'confirmed', 'offered')
BEGIN
  UPDATE registrations SET
    stat_waitlisted_at = COALESCE(stat_waitlisted_at, CASE WHEN NEW.status = 'waitlisted' THEN NEW.updated_at END),
    stat_placed_at = COALESCE(stat_placed_at, CASE WHEN NEW.status IN ('held', 'confirmed', 'offered') THEN NEW.updated_at END)
  WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `certificates_statistics_issued` AFTER INSERT ON `certificates`
WHEN NEW.registration_id IS NOT NULL AND NEW.revoked_at IS NULL
BEGIN
  UPDATE registrations SET stat_certified_at = COALESCE(stat_certified_at, NEW.issued_at) WHERE id = NEW.registration_id;
END;
--> statement-breakpoint
-- A revoked certificate no longer counts, unless another valid one remains (a reissue).
CREATE TRIGGER `certificates_statistics_revoked` AFTER UPDATE OF revoked_at ON `certificates`
WHEN NEW.revoked_at IS NOT NULL AND OLD.revoked_at IS NULL AND NEW.registration_id IS NOT NULL
BEGIN
  UPDATE registrations SET stat_certified_at = (
    SELECT MIN(issued_at) FROM certificates WHERE registration_id = NEW.registration_id AND revoked_at IS NULL
  ) WHERE id = NEW.registration_id;
END;
--> statement-breakpoint
-- Rows from before the facts: their history is read from the status they have now (and the
-- certificates that exist now); the participant key and needs follow from the scheduled job.
UPDATE registrations SET
  stat_waitlisted_at = CASE WHEN status = 'waitlisted' THEN created_at END,
  stat_placed_at = CASE WHEN status IN ('held', 'confirmed', 'offered') THEN updated_at END,
  stat_certified_at = (SELECT MIN(c.issued_at) FROM certificates c WHERE c.registration_id = registrations.id AND c.revoked_at IS NULL);
