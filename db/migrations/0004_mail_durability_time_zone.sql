PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_email_suppressions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email_hash` text,
	`email_normalized` text,
	`reason` text NOT NULL,
	`detail` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
-- drizzle-kit 0.31 wrote a SELECT of the new columns, which the old table lacks; the old rows keep their address until the scheduled job hashes it.
INSERT INTO `__new_email_suppressions`("email_normalized", "reason", "detail", "created_at") SELECT "email_normalized", "reason", "detail", "created_at" FROM `email_suppressions`;--> statement-breakpoint
DROP TABLE `email_suppressions`;--> statement-breakpoint
ALTER TABLE `__new_email_suppressions` RENAME TO `email_suppressions`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `email_suppressions_email_hash_unique` ON `email_suppressions` (`email_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `email_suppressions_email_normalized_unique` ON `email_suppressions` (`email_normalized`);--> statement-breakpoint
ALTER TABLE `job_runs` ADD `outcome` text DEFAULT 'ok' NOT NULL;--> statement-breakpoint
ALTER TABLE `job_runs` ADD `last_error` text;--> statement-breakpoint
ALTER TABLE `job_runs` ADD `duration_ms` integer;--> statement-breakpoint
ALTER TABLE `job_runs` ADD `last_ok_at` integer;--> statement-breakpoint
ALTER TABLE `organisations` ADD `time_zone` text DEFAULT 'Europe/Berlin' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `next_attempt_at` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `give_up_at` integer;