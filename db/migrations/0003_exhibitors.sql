DROP INDEX `registrations_live_email_idx`;--> statement-breakpoint
ALTER TABLE `registrations` ADD `exhibitor` text;--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_live_email_pool_idx` ON `registrations` (`event_id`,`pool_id`,`email_normalized`) WHERE parent_id IS NULL AND status NOT IN ('cancelled', 'expired', 'rejected');