ALTER TABLE `complaints` ADD `place_key` text;--> statement-breakpoint
ALTER TABLE `complaints` ADD `lead_id` integer REFERENCES complaints(id);--> statement-breakpoint
CREATE INDEX `complaints_cluster_idx` ON `complaints` (`council_code`,`category_code`,`place_key`,`created_at`) WHERE place_key IS NOT NULL;--> statement-breakpoint
CREATE INDEX `complaints_lead_idx` ON `complaints` (`lead_id`) WHERE lead_id IS NOT NULL;