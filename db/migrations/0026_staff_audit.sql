CREATE TABLE `staff_phone_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`staff_id` integer NOT NULL,
	`old_phone` text NOT NULL,
	`new_phone` text NOT NULL,
	`code_hash` text NOT NULL,
	`tries` integer DEFAULT 0 NOT NULL,
	`requested_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`ended_at` integer,
	`outcome` text,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `staff_phone_changes_staff_idx` ON `staff_phone_changes` (`staff_id`,`ended_at`);--> statement-breakpoint
CREATE INDEX `staff_phone_changes_requester_idx` ON `staff_phone_changes` (`requested_by`,`created_at`);--> statement-breakpoint
ALTER TABLE `audit_log` ADD `source` text;