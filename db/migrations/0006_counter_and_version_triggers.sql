-- Written by hand (drizzle-kit generate --custom): drizzle-kit has no triggers. Keep this file
-- when migrations are regenerated; db/schema.ts documents the columns these triggers keep.
--
-- 1. Each pool counts its places taken and its line inside the statement that changes a
--    registration, so the guarded statements read two integers instead of summing the pool
--    (domain/places/capacity.ts). The lists are PLACE_TAKING_STATUSES ('held', 'confirmed',
--    'offered') and "in the line" (waitlisted with a confirmed address) of db/schema.ts and
--    domain/places/waitlist.ts; workers/test/places-counters.test.ts checks both against a
--    count of the registrations.
UPDATE `capacity_pools` SET
  `places_taken` = (SELECT COALESCE(SUM(r.places), 0) FROM `registrations` r WHERE r.pool_id = `capacity_pools`.id AND r.status IN ('held', 'confirmed', 'offered')),
  `line_length` = (SELECT COUNT(*) FROM `registrations` r WHERE r.pool_id = `capacity_pools`.id AND r.status = 'waitlisted' AND r.awaiting_email = 0);
--> statement-breakpoint
CREATE TRIGGER `registrations_count_insert` AFTER INSERT ON `registrations`
WHEN NEW.status IN ('held', 'confirmed', 'offered') OR (NEW.status = 'waitlisted' AND NEW.awaiting_email = 0)
BEGIN
  UPDATE `capacity_pools` SET
    `places_taken` = `places_taken` + CASE WHEN NEW.status IN ('held', 'confirmed', 'offered') THEN NEW.places ELSE 0 END,
    `line_length` = `line_length` + (NEW.status = 'waitlisted' AND NEW.awaiting_email = 0)
  WHERE id = NEW.pool_id;
END;
--> statement-breakpoint
CREATE TRIGGER `registrations_count_update` AFTER UPDATE OF status, places, pool_id, awaiting_email ON `registrations`
WHEN OLD.status IS NOT NEW.status OR OLD.places IS NOT NEW.places OR OLD.pool_id IS NOT NEW.pool_id OR OLD.awaiting_email IS NOT NEW.awaiting_email
BEGIN
  UPDATE `capacity_pools` SET
    `places_taken` = `places_taken`
      - CASE WHEN id = OLD.pool_id AND OLD.status IN ('held', 'confirmed', 'offered') THEN OLD.places ELSE 0 END
      + CASE WHEN id = NEW.pool_id AND NEW.status IN ('held', 'confirmed', 'offered') THEN NEW.places ELSE 0 END,
    `line_length` = `line_length`
      - (id = OLD.pool_id AND OLD.status = 'waitlisted' AND OLD.awaiting_email = 0)
      + (id = NEW.pool_id AND NEW.status = 'waitlisted' AND NEW.awaiting_email = 0)
  WHERE id IN (OLD.pool_id, NEW.pool_id);
END;
--> statement-breakpoint
CREATE TRIGGER `registrations_count_delete` AFTER DELETE ON `registrations`
WHEN OLD.status IN ('held', 'confirmed', 'offered') OR (OLD.status = 'waitlisted' AND OLD.awaiting_email = 0)
BEGIN
  UPDATE `capacity_pools` SET
    `places_taken` = `places_taken` - CASE WHEN OLD.status IN ('held', 'confirmed', 'offered') THEN OLD.places ELSE 0 END,
    `line_length` = `line_length` - (OLD.status = 'waitlisted' AND OLD.awaiting_email = 0)
  WHERE id = OLD.pool_id;
END;
--> statement-breakpoint
-- 2. The event's version stamp changes with every change to the event, its dates or its pools
--    (not with the counters above), whoever writes it: console, scripts or tests. Random, in
--    JavaScript's safe integer range.
UPDATE `events` SET `version` = abs(random() % 9007199254740991);
--> statement-breakpoint
CREATE TRIGGER `events_version_insert` AFTER INSERT ON `events`
BEGIN
  UPDATE `events` SET `version` = abs(random() % 9007199254740991) WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `events_version_update` AFTER UPDATE ON `events`
WHEN NEW.version IS OLD.version
BEGIN
  UPDATE `events` SET `version` = abs(random() % 9007199254740991) WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `sessions_version_insert` AFTER INSERT ON `sessions`
BEGIN
  UPDATE `events` SET `version` = abs(random() % 9007199254740991) WHERE id = NEW.event_id;
END;
--> statement-breakpoint
CREATE TRIGGER `sessions_version_update` AFTER UPDATE ON `sessions`
BEGIN
  UPDATE `events` SET `version` = abs(random() % 9007199254740991) WHERE id IN (OLD.event_id, NEW.event_id);
END;
--> statement-breakpoint
CREATE TRIGGER `sessions_version_delete` AFTER DELETE ON `sessions`
BEGIN
  UPDATE `events` SET `version` = abs(random() % 9007199254740991) WHERE id = OLD.event_id;
END;
--> statement-breakpoint
CREATE TRIGGER `capacity_pools_version_insert` AFTER INSERT ON `capacity_pools`
BEGIN
  UPDATE `events` SET `version` = abs(random() % 9007199254740991) WHERE id = NEW.event_id;
END;
--> statement-breakpoint
CREATE TRIGGER `capacity_pools_version_update` AFTER UPDATE OF event_id, kind, key, slot, name, capacity ON `capacity_pools`
BEGIN
  UPDATE `events` SET `version` = abs(random() % 9007199254740991) WHERE id IN (OLD.event_id, NEW.event_id);
END;
--> statement-breakpoint
CREATE TRIGGER `capacity_pools_version_delete` AFTER DELETE ON `capacity_pools`
BEGIN
  UPDATE `events` SET `version` = abs(random() % 9007199254740991) WHERE id = OLD.event_id;
END;
