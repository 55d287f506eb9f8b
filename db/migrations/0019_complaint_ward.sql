ALTER TABLE `complaints` ADD `ward_code` text;--> statement-breakpoint
ALTER TABLE `complaints` ADD `village` text;