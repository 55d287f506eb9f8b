CREATE TABLE `background_jobs` (
	`name` text PRIMARY KEY NOT NULL,
	`cursor` integer DEFAULT 0 NOT NULL,
	`target` integer DEFAULT 0 NOT NULL,
	`started_at` integer,
	`finished_at` integer
);
--> statement-breakpoint
DROP INDEX `complaints_work_pending_idx`;--> statement-breakpoint
-- The fill-ins an upgrade leaves, run by the server after it listens (src/ops/background-jobs.ts).
-- With no complaint yet there is nothing to fill: they start finished (9007199254740991 is
-- FINISHED_CURSOR, the largest integer JavaScript holds exactly).
INSERT INTO `background_jobs` (`name`) VALUES ('due_times'), ('work_times'), ('place_keys');
--> statement-breakpoint
UPDATE `background_jobs` SET `cursor` = 9007199254740991, `finished_at` = 0
 WHERE NOT EXISTS (SELECT 1 FROM `complaints`);
