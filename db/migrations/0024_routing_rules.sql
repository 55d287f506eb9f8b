CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_staff_id` integer,
	`entity_kind` text NOT NULL,
	`entity_id` text NOT NULL,
	`action` text NOT NULL,
	`before` text,
	`after` text,
	FOREIGN KEY (`actor_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_kind_idx` ON `audit_log` (`entity_kind`,`id`);--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity_kind`,`entity_id`,`id`);--> statement-breakpoint
CREATE TABLE `routing_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`category_code` text NOT NULL,
	`region_code` text,
	`council_code` text,
	`staff_id` integer,
	`team_id` integer,
	`place_key` text GENERATED ALWAYS AS (coalesce(council_code, region_code, '')) VIRTUAL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`category_code`) REFERENCES `categories`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`council_code`) REFERENCES `councils`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "routing_rules_one_target" CHECK(("routing_rules"."staff_id" IS NULL) <> ("routing_rules"."team_id" IS NULL)),
	CONSTRAINT "routing_rules_council_in_region" CHECK("routing_rules"."council_code" IS NULL OR "routing_rules"."region_code" IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `routing_rules_place_idx` ON `routing_rules` (`category_code`,`place_key`);--> statement-breakpoint
CREATE INDEX `routing_rules_team_idx` ON `routing_rules` (`team_id`);--> statement-breakpoint
CREATE INDEX `routing_rules_staff_idx` ON `routing_rules` (`staff_id`);--> statement-breakpoint
CREATE TABLE `team_members` (
	`team_id` integer NOT NULL,
	`staff_id` integer NOT NULL,
	PRIMARY KEY(`team_id`, `staff_id`),
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `team_members_staff_idx` ON `team_members` (`staff_id`);--> statement-breakpoint
CREATE TABLE `teams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`region_code` text,
	`scope_key` text GENERATED ALWAYS AS (coalesce(region_code, '')) VIRTUAL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `teams_name_idx` ON `teams` (`scope_key`,lower("name"));