ALTER TABLE `sms_inbound` ADD `handled_at` integer;--> statement-breakpoint
CREATE INDEX `sms_inbound_deferred_idx` ON `sms_inbound` (`id`) WHERE "sms_inbound"."handled_as" = 'deferred';