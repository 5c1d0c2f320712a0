CREATE TABLE `event_translations` (
	`event_id` integer NOT NULL,
	`locale` text NOT NULL,
	`field` text NOT NULL,
	`text` text,
	`status` text NOT NULL,
	`source_locale` text NOT NULL,
	`source_hash` text NOT NULL,
	`reviewed_by` integer,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`event_id`, `locale`, `field`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `capacity_pools` ADD `starts_at` integer;--> statement-breakpoint
ALTER TABLE `capacity_pools` ADD `ends_at` integer;--> statement-breakpoint
ALTER TABLE `events` ADD `contact` text;