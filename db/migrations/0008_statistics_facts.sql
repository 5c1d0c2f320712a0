ALTER TABLE `events` ADD `funding_lines` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `partners` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
CREATE INDEX `events_organisation_idx` ON `events` (`organisation_id`);--> statement-breakpoint
ALTER TABLE `registrations` ADD `cancelled_from` text;--> statement-breakpoint
ALTER TABLE `registrations` ADD `stat_participant_key` text;--> statement-breakpoint
ALTER TABLE `registrations` ADD `stat_interpreter` text;--> statement-breakpoint
ALTER TABLE `registrations` ADD `stat_childcare_children` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `registrations` ADD `stat_accessibility` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `registrations` ADD `stat_facts_at` integer;--> statement-breakpoint
ALTER TABLE `registrations` ADD `stat_certified_at` integer;--> statement-breakpoint
CREATE INDEX `registrations_event_idx` ON `registrations` (`event_id`,`parent_id`,`status`);--> statement-breakpoint
CREATE INDEX `registrations_participant_key_idx` ON `registrations` (`stat_participant_key`);--> statement-breakpoint
CREATE INDEX `registrations_facts_missing_idx` ON `registrations` (`id`) WHERE stat_facts_at IS NULL AND anonymised_at IS NULL;