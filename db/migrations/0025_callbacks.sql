CREATE TABLE `callbacks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`phone` text NOT NULL,
	`language` text NOT NULL,
	`region_code` text NOT NULL,
	`category_code` text NOT NULL,
	`service_code` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`due_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_attempt_at` integer,
	`last_attempt_by` integer,
	`closed_at` integer,
	`closed_by` integer,
	`close_note` text,
	`complaint_id` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`phone`) REFERENCES `citizens`(`phone`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_code`) REFERENCES `categories`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`last_attempt_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `callbacks_reference_idx` ON `callbacks` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `callbacks_open_phone_idx` ON `callbacks` (`phone`) WHERE status = 'open';--> statement-breakpoint
CREATE INDEX `callbacks_phone_idx` ON `callbacks` (`phone`,`created_at`);--> statement-breakpoint
CREATE INDEX `callbacks_open_due_idx` ON `callbacks` (`due_at`,`id`,`region_code`) WHERE status = 'open';--> statement-breakpoint
CREATE INDEX `callbacks_region_open_due_idx` ON `callbacks` (`region_code`,`due_at`,`id`) WHERE status = 'open';--> statement-breakpoint
CREATE INDEX `callbacks_created_idx` ON `callbacks` (`created_at`,`status`,`due_at`,`region_code`);--> statement-breakpoint
CREATE INDEX `callbacks_region_created_idx` ON `callbacks` (`region_code`,`created_at`,`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `callbacks_complaint_idx` ON `callbacks` (`complaint_id`) WHERE complaint_id IS NOT NULL;