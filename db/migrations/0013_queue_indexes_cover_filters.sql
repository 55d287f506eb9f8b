DROP INDEX `complaints_due_idx`;--> statement-breakpoint
DROP INDEX `complaints_region_due_idx`;--> statement-breakpoint
DROP INDEX `complaints_council_due_idx`;--> statement-breakpoint
DROP INDEX `complaints_assignee_due_idx`;--> statement-breakpoint
DROP INDEX `complaints_done_idx`;--> statement-breakpoint
DROP INDEX `complaints_region_done_idx`;--> statement-breakpoint
DROP INDEX `complaints_council_done_idx`;--> statement-breakpoint
DROP INDEX `complaints_assignee_done_idx`;--> statement-breakpoint
CREATE INDEX `complaints_due_idx` ON `complaints` (`due_at`,`id`,`region_code`,`council_code`,`assignee_id`,`category_code`,`channel`,`created_at`,`status`) WHERE due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `complaints_region_due_idx` ON `complaints` (`region_code`,`due_at`,`id`,`council_code`,`assignee_id`,`category_code`,`channel`,`created_at`,`status`) WHERE due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `complaints_council_due_idx` ON `complaints` (`council_code`,`due_at`,`id`,`region_code`,`assignee_id`,`category_code`,`channel`,`created_at`,`status`) WHERE due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `complaints_assignee_due_idx` ON `complaints` (`assignee_id`,`due_at`,`id`,`region_code`,`council_code`,`category_code`,`channel`,`created_at`,`status`) WHERE due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `complaints_done_idx` ON `complaints` (`status`,`resolved_at`,`id`,`category_code`,`channel`,`created_at`);--> statement-breakpoint
CREATE INDEX `complaints_region_done_idx` ON `complaints` (`region_code`,`status`,`resolved_at`,`id`,`category_code`,`channel`,`created_at`);--> statement-breakpoint
CREATE INDEX `complaints_council_done_idx` ON `complaints` (`council_code`,`status`,`resolved_at`,`id`,`region_code`,`category_code`,`channel`,`created_at`);--> statement-breakpoint
CREATE INDEX `complaints_assignee_done_idx` ON `complaints` (`assignee_id`,`status`,`resolved_at`,`id`,`region_code`,`council_code`,`category_code`,`channel`,`created_at`);