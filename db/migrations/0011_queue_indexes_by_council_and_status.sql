DROP INDEX `complaints_region_status_idx`;--> statement-breakpoint
DROP INDEX `complaints_assignee_status_idx`;--> statement-breakpoint
DROP INDEX `complaints_done_idx`;--> statement-breakpoint
DROP INDEX `complaints_region_done_idx`;--> statement-breakpoint
CREATE INDEX `complaints_council_done_idx` ON `complaints` (`council_code`,`status`,`resolved_at`,`id`);--> statement-breakpoint
CREATE INDEX `complaints_assignee_done_idx` ON `complaints` (`assignee_id`,`status`,`resolved_at`,`id`);--> statement-breakpoint
CREATE INDEX `complaints_done_idx` ON `complaints` (`status`,`resolved_at`,`id`);--> statement-breakpoint
CREATE INDEX `complaints_region_done_idx` ON `complaints` (`region_code`,`status`,`resolved_at`,`id`);