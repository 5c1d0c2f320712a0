CREATE TABLE `attendance` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`registration_id` integer NOT NULL,
	`session_id` integer NOT NULL,
	`places` integer DEFAULT 1 NOT NULL,
	`checked_in_at` integer NOT NULL,
	`checked_in_by` integer,
	FOREIGN KEY (`registration_id`) REFERENCES `registrations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_registration_session_idx` ON `attendance` (`registration_id`,`session_id`);--> statement-breakpoint
CREATE INDEX `attendance_session_idx` ON `attendance` (`session_id`);--> statement-breakpoint
CREATE TABLE `certificates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`registration_id` integer,
	`event_id` integer NOT NULL,
	`facts` text NOT NULL,
	`issued_at` integer NOT NULL,
	`issued_by` integer,
	`revoked_at` integer,
	`revoked_reason` text,
	FOREIGN KEY (`registration_id`) REFERENCES `registrations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_code_unique` ON `certificates` (`code`);--> statement-breakpoint
CREATE INDEX `certificates_registration_idx` ON `certificates` (`registration_id`);--> statement-breakpoint
CREATE INDEX `certificates_event_idx` ON `certificates` (`event_id`);--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `events` ADD `allow_late_registration` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `count_children` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `certificate_rule` text;--> statement-breakpoint
ALTER TABLE `events` ADD `certificate_signer` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `retention_days` integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE `organisations` ADD `certificate_retention_years` integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE `registrations` ADD `children` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `registrations` ADD `preference` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `registrations` ADD `anonymised_at` integer;