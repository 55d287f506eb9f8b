-- Call-back requests (issue 21) and their rollup for the dashboard. WITHOUT ROWID and the
-- triggers below are added by hand (drizzle has no word for either). New tables: nothing to fill
-- in, whatever the number of complaints.
CREATE TABLE `callback_rollup` (
	`day` integer NOT NULL,
	`region` text NOT NULL,
	`status` text NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `region`, `status`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `callback_rollup_region_idx` ON `callback_rollup` (`region`,`day`,`status`,`n`);--> statement-breakpoint
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
CREATE INDEX `callbacks_open_due_idx` ON `callbacks` (`due_at`,`id`,`region_code`,`created_at`) WHERE status = 'open';--> statement-breakpoint
CREATE INDEX `callbacks_region_open_due_idx` ON `callbacks` (`region_code`,`due_at`,`id`,`created_at`) WHERE status = 'open';--> statement-breakpoint
CREATE INDEX `callbacks_complaint_idx` ON `callbacks` (`complaint_id`) WHERE complaint_id IS NOT NULL;--> statement-breakpoint
-- The rollup follows every request and status change in its transaction: a request counts on the
-- Tanzanian day it was made (EAT, UTC+3: 10800000 ms), in its region, under its status.
CREATE TRIGGER `callbacks_rollup_insert` AFTER INSERT ON `callbacks` BEGIN
  INSERT INTO `callback_rollup` (`day`, `region`, `status`, `n`)
  VALUES ((NEW.`created_at` + 10800000) / 86400000, NEW.`region_code`, NEW.`status`, 1)
  ON CONFLICT (`day`, `region`, `status`) DO UPDATE SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `callbacks_rollup_status` AFTER UPDATE OF `status` ON `callbacks`
WHEN OLD.`status` IS NOT NEW.`status` BEGIN
  UPDATE `callback_rollup` SET `n` = `n` - 1
  WHERE `day` = (OLD.`created_at` + 10800000) / 86400000 AND `region` = OLD.`region_code`
    AND `status` = OLD.`status`;
  INSERT INTO `callback_rollup` (`day`, `region`, `status`, `n`)
  VALUES ((NEW.`created_at` + 10800000) / 86400000, NEW.`region_code`, NEW.`status`, 1)
  ON CONFLICT (`day`, `region`, `status`) DO UPDATE SET `n` = `n` + 1;
END;
