ALTER TABLE `sms_outbox` ADD `held_at` integer;--> statement-breakpoint
ALTER TABLE `sms_outbox` ADD `held_until` integer;--> statement-breakpoint
ALTER TABLE `sms_outbox` ADD `held_reason` text;