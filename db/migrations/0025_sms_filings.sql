CREATE TABLE `sms_filings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`phone` text NOT NULL,
	`text` text NOT NULL,
	`language` text NOT NULL,
	`status` text NOT NULL,
	`guess_regions` text DEFAULT '' NOT NULL,
	`guess_council` text,
	`guess_category` text,
	`guess_ward` text,
	`guess_village` text,
	`received_at` integer NOT NULL,
	`last_text_at` integer NOT NULL,
	`complaint_id` integer,
	`handled_by` integer,
	`handled_at` integer,
	`note` text,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handled_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sms_filings_number_idx` ON `sms_filings` (`number`);--> statement-breakpoint
CREATE INDEX `sms_filings_status_idx` ON `sms_filings` (`status`,`received_at`);--> statement-breakpoint
CREATE INDEX `sms_filings_phone_idx` ON `sms_filings` (`phone`,`status`);