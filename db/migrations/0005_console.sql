CREATE TABLE `console_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`staff_id` integer NOT NULL,
	`csrf` text NOT NULL,
	`ip` text,
	`user_agent` text,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `console_sessions_staff_idx` ON `console_sessions` (`staff_id`,`ended_at`);--> statement-breakpoint
CREATE TABLE `console_sign_ins` (
	`id` text PRIMARY KEY NOT NULL,
	`phone` text NOT NULL,
	`staff_id` integer,
	`code_hash` text,
	`tries` integer DEFAULT 0 NOT NULL,
	`ip` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `console_sign_ins_phone_idx` ON `console_sign_ins` (`phone`,`created_at`);--> statement-breakpoint
ALTER TABLE `complaint_events` ADD `source` text DEFAULT 'system' NOT NULL;--> statement-breakpoint
ALTER TABLE `complaint_events` ADD `sms_id` integer REFERENCES sms_outbox(id);--> statement-breakpoint
ALTER TABLE `complaints` ADD `first_response_due_at` integer;--> statement-breakpoint
ALTER TABLE `complaints` ADD `resolution_due_at` integer;--> statement-breakpoint
ALTER TABLE `complaints` ADD `due_at` integer GENERATED ALWAYS AS (CASE WHEN status IN ('received', 'assigned', 'in_progress') THEN
            CASE WHEN first_response_at IS NULL THEN first_response_due_at
                 ELSE resolution_due_at END END) VIRTUAL;--> statement-breakpoint
CREATE INDEX `complaints_due_idx` ON `complaints` (`due_at`,`id`) WHERE due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `complaints_region_due_idx` ON `complaints` (`region_code`,`due_at`,`id`) WHERE due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `complaints_council_due_idx` ON `complaints` (`council_code`,`due_at`,`id`) WHERE due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `complaints_assignee_due_idx` ON `complaints` (`assignee_id`,`due_at`,`id`) WHERE due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `complaints_done_idx` ON `complaints` (`resolved_at`,`id`) WHERE status IN ('resolved', 'closed');--> statement-breakpoint
CREATE INDEX `complaints_region_done_idx` ON `complaints` (`region_code`,`resolved_at`,`id`) WHERE status IN ('resolved', 'closed');