CREATE TABLE `complaint_day_hours` (
	`measure` text NOT NULL,
	`day` integer NOT NULL,
	`hours` integer NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`measure`, `day`, `hours`)
);
--> statement-breakpoint
CREATE TABLE `complaint_days` (
	`region` text NOT NULL,
	`kind` text NOT NULL,
	`day` integer NOT NULL,
	`key` text NOT NULL,
	`received` integer DEFAULT 0 NOT NULL,
	`resolved` integer DEFAULT 0 NOT NULL,
	`open` integer DEFAULT 0 NOT NULL,
	`unattended` integer DEFAULT 0 NOT NULL,
	`answered` integer DEFAULT 0 NOT NULL,
	`first_response_met` integer DEFAULT 0 NOT NULL,
	`first_response_missed` integer DEFAULT 0 NOT NULL,
	`resolved_ever` integer DEFAULT 0 NOT NULL,
	`resolution_met` integer DEFAULT 0 NOT NULL,
	`resolution_missed` integer DEFAULT 0 NOT NULL,
	`ever_done` integer DEFAULT 0 NOT NULL,
	`reopened` integer DEFAULT 0 NOT NULL,
	`r1` integer DEFAULT 0 NOT NULL,
	`r2` integer DEFAULT 0 NOT NULL,
	`r3` integer DEFAULT 0 NOT NULL,
	`r4` integer DEFAULT 0 NOT NULL,
	`r5` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`region`, `kind`, `day`, `key`)
);
--> statement-breakpoint
ALTER TABLE `complaints` ADD `first_response_work_ms` integer;--> statement-breakpoint
ALTER TABLE `complaints` ADD `resolution_work_ms` integer;--> statement-breakpoint
ALTER TABLE `complaints` ADD `reopen_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `complaints_dashboard_idx` ON `complaints` (`region_code`,`created_at`,`council_code`,`category_code`,`channel`,`status`,`assignee_id`,`first_response_at`,`first_response_due_at`,`first_response_escalated_at`,`resolved_at`,`resolution_due_at`,`resolution_escalated_at`,`rating`,`reopen_count`,`first_response_work_ms`,`resolution_work_ms`);--> statement-breakpoint
CREATE INDEX `complaints_work_pending_idx` ON `complaints` (`id`) WHERE (first_response_at IS NOT NULL AND first_response_work_ms IS NULL) OR (resolved_at IS NOT NULL AND resolution_work_ms IS NULL);