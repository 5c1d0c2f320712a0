ALTER TABLE `capacity_pools` ADD `places_taken` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `capacity_pools` ADD `line_length` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `registrations` ADD `idempotency_hash` text;--> statement-breakpoint
CREATE INDEX `registrations_pool_order_idx` ON `registrations` (`pool_id`,`queue_order`);--> statement-breakpoint
CREATE INDEX `registrations_pool_fit_idx` ON `registrations` (`pool_id`,`status`,`awaiting_email`,`places`);