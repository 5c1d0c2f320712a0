CREATE TABLE `checkin_requests` (
	`client_id` text PRIMARY KEY NOT NULL,
	`event_id` integer NOT NULL,
	`registration_id` integer,
	`session_id` integer NOT NULL,
	`recorded_at` integer NOT NULL,
	`outcome` text,
	`staff_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `checkin_requests_event_idx` ON `checkin_requests` (`event_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `attendance` ADD `recorded_afterwards` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `checkin_opens_minutes` integer DEFAULT 60 NOT NULL;