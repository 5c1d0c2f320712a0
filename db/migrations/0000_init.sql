CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`event_id` integer,
	`registration_id` integer,
	`details` text DEFAULT '{}' NOT NULL,
	`change_id` text
);
--> statement-breakpoint
CREATE INDEX `audit_registration_idx` ON `audit_log` (`registration_id`);--> statement-breakpoint
CREATE INDEX `audit_event_idx` ON `audit_log` (`event_id`);--> statement-breakpoint
CREATE TABLE `capacity_pools` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`kind` text DEFAULT 'event' NOT NULL,
	`key` text NOT NULL,
	`slot` text,
	`name` text,
	`capacity` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `capacity_pools_event_key_idx` ON `capacity_pools` (`event_id`,`key`);--> statement-breakpoint
CREATE TABLE `dev_mailbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`outbox_id` text NOT NULL,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`html` text NOT NULL,
	`text` text NOT NULL,
	`attachments` text DEFAULT '[]' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dev_mailbox_outbox_id_unique` ON `dev_mailbox` (`outbox_id`);--> statement-breakpoint
CREATE INDEX `dev_mailbox_to_idx` ON `dev_mailbox` (`to_address`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`slug` text NOT NULL,
	`format` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`texts` text NOT NULL,
	`audience` text DEFAULT '[]' NOT NULL,
	`languages` text DEFAULT '[]' NOT NULL,
	`location` text,
	`online_url` text,
	`registration_mode` text DEFAULT 'open' NOT NULL,
	`registration_opens_at` integer,
	`registration_closes_at` integer,
	`max_places_per_registration` integer DEFAULT 1 NOT NULL,
	`email_confirmation` integer DEFAULT false NOT NULL,
	`hold_minutes` integer DEFAULT 30 NOT NULL,
	`waitlist_enabled` integer DEFAULT true NOT NULL,
	`waitlist_mode` text DEFAULT 'confirm' NOT NULL,
	`offer_hours` integer DEFAULT 48 NOT NULL,
	`questions` text DEFAULT '[]' NOT NULL,
	`cancellation_reason` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_slug_unique` ON `events` (`slug`);--> statement-breakpoint
CREATE INDEX `events_status_idx` ON `events` (`status`);--> statement-breakpoint
CREATE TABLE `job_runs` (
	`job` text PRIMARY KEY NOT NULL,
	`last_run_at` integer NOT NULL,
	`last_result` text
);
--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`contact_email` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_slug_unique` ON `organisations` (`slug`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`registration_id` integer,
	`template` text NOT NULL,
	`to_address` text NOT NULL,
	`locale` text NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`provider_message_id` text,
	`change_id` text,
	`sent_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`registration_id`) REFERENCES `registrations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outbox_status_idx` ON `outbox` (`status`,`updated_at`);--> statement-breakpoint
CREATE TABLE `registrations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`pool_id` integer NOT NULL,
	`parent_id` integer,
	`status` text NOT NULL,
	`places` integer DEFAULT 1 NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`email_normalized` text NOT NULL,
	`locale` text NOT NULL,
	`answers` text DEFAULT '{}' NOT NULL,
	`needs` text DEFAULT '{}' NOT NULL,
	`token_nonce` text NOT NULL,
	`manage_token_hash` text NOT NULL,
	`idempotency_key` text,
	`queue_order` integer NOT NULL,
	`awaiting_email` integer DEFAULT false NOT NULL,
	`hold_expires_at` integer,
	`offer_expires_at` integer,
	`email_confirmed_at` integer,
	`consent_version` text,
	`consent_at` integer,
	`cancelled_at` integer,
	`change_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pool_id`) REFERENCES `capacity_pools`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_token_idx` ON `registrations` (`manage_token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_idempotency_idx` ON `registrations` (`event_id`,`idempotency_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_live_email_idx` ON `registrations` (`event_id`,`email_normalized`) WHERE parent_id IS NULL AND status NOT IN ('cancelled', 'expired', 'rejected');--> statement-breakpoint
CREATE INDEX `registrations_pool_status_idx` ON `registrations` (`pool_id`,`status`,`queue_order`);--> statement-breakpoint
CREATE INDEX `registrations_change_idx` ON `registrations` (`change_id`);--> statement-breakpoint
CREATE INDEX `registrations_hold_idx` ON `registrations` (`status`,`hold_expires_at`);--> statement-breakpoint
CREATE INDEX `registrations_offer_idx` ON `registrations` (`status`,`offer_expires_at`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`title` text,
	`cancelled_at` integer,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_event_idx` ON `sessions` (`event_id`,`starts_at`);