CREATE TABLE `categories` (
	`code` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `citizens` (
	`phone` text PRIMARY KEY NOT NULL,
	`language` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `complaint_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`complaint_id` integer NOT NULL,
	`type` text NOT NULL,
	`actor` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`note` text,
	`staff_id` integer,
	`assignee_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `complaint_events_complaint_idx` ON `complaint_events` (`complaint_id`,`id`);--> statement-breakpoint
CREATE INDEX `complaint_events_type_idx` ON `complaint_events` (`type`,`created_at`);--> statement-breakpoint
CREATE TABLE `complaints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`citizen_phone` text NOT NULL,
	`region_code` text NOT NULL,
	`council_code` text NOT NULL,
	`category_code` text NOT NULL,
	`place` text,
	`description` text NOT NULL,
	`anonymous` integer NOT NULL,
	`language` text NOT NULL,
	`channel` text DEFAULT 'ussd' NOT NULL,
	`status` text NOT NULL,
	`level` text DEFAULT 'council' NOT NULL,
	`assignee_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`first_response_at` integer,
	`resolved_at` integer,
	`closed_at` integer,
	`first_response_escalated_at` integer,
	`resolution_escalated_at` integer,
	`rating` integer,
	FOREIGN KEY (`citizen_phone`) REFERENCES `citizens`(`phone`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`council_code`) REFERENCES `councils`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_code`) REFERENCES `categories`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_number_idx` ON `complaints` (`number`);--> statement-breakpoint
CREATE INDEX `complaints_citizen_idx` ON `complaints` (`citizen_phone`,`created_at`);--> statement-breakpoint
CREATE INDEX `complaints_region_status_idx` ON `complaints` (`region_code`,`status`);--> statement-breakpoint
CREATE INDEX `complaints_assignee_status_idx` ON `complaints` (`assignee_id`,`status`);--> statement-breakpoint
CREATE INDEX `complaints_status_created_idx` ON `complaints` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `councils` (
	`code` text PRIMARY KEY NOT NULL,
	`region_code` text NOT NULL,
	`name` text NOT NULL,
	`name_sw` text NOT NULL,
	`short` text NOT NULL,
	`short_sw` text NOT NULL,
	`type` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `councils_region_idx` ON `councils` (`region_code`,`position`);--> statement-breakpoint
CREATE TABLE `regions` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`mainland` integer NOT NULL,
	`position` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sms_inbound` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at_id` text NOT NULL,
	`from_phone` text NOT NULL,
	`to_code` text NOT NULL,
	`text` text NOT NULL,
	`link_id` text,
	`network_code` text,
	`date` text,
	`handled_as` text,
	`complaint_id` integer,
	`received_at` integer NOT NULL,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sms_inbound_at_id_idx` ON `sms_inbound` (`at_id`);--> statement-breakpoint
CREATE INDEX `sms_inbound_from_idx` ON `sms_inbound` (`from_phone`,`received_at`);--> statement-breakpoint
CREATE TABLE `sms_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`to_phone` text NOT NULL,
	`body` text NOT NULL,
	`template` text NOT NULL,
	`complaint_id` integer,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`message_id` text,
	`cost` text,
	`delivery_status` text,
	`delivery_failure_reason` text,
	`delivered_at` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sms_outbox_due_idx` ON `sms_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `sms_outbox_message_idx` ON `sms_outbox` (`message_id`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`role` text NOT NULL,
	`region_code` text,
	`language` text DEFAULT 'sw' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`last_assigned_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_phone_idx` ON `staff` (`phone`);--> statement-breakpoint
CREATE INDEX `staff_region_role_idx` ON `staff` (`region_code`,`role`,`active`);--> statement-breakpoint
CREATE TABLE `staff_councils` (
	`staff_id` integer NOT NULL,
	`council_code` text NOT NULL,
	PRIMARY KEY(`staff_id`, `council_code`),
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`council_code`) REFERENCES `councils`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `ussd_session_ends` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` text NOT NULL,
	`phone` text NOT NULL,
	`service_code` text NOT NULL,
	`network_code` text NOT NULL,
	`status` text NOT NULL,
	`date` text,
	`cost` text,
	`duration_ms` integer,
	`hops_count` integer,
	`hops_metadata` text,
	`input` text,
	`last_app_response` text,
	`error_message` text,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ussd_session_ends_session_idx` ON `ussd_session_ends` (`session_id`);--> statement-breakpoint
CREATE TABLE `ussd_sessions` (
	`session_id` text PRIMARY KEY NOT NULL,
	`phone` text NOT NULL,
	`service_code` text NOT NULL,
	`network_code` text NOT NULL,
	`last_text` text NOT NULL,
	`last_response` text NOT NULL,
	`state` text NOT NULL,
	`ended` integer NOT NULL,
	`draft_open` integer NOT NULL,
	`hops` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `ussd_sessions_draft_idx` ON `ussd_sessions` (`phone`,`updated_at`) WHERE "ussd_sessions"."draft_open" = 1;--> statement-breakpoint
CREATE INDEX `ussd_sessions_updated_idx` ON `ussd_sessions` (`updated_at`);