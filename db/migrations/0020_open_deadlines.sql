-- The open complaints by deadline, in the order the dashboard counts lateness (db/schema.ts
-- open_deadlines): the dashboard's count of complaints still open past a deadline walked 116,000
-- rows of the queue's index and sorted them (190-230 ms at 1,000,000 complaints); in this order it
-- is one walk, no sort. WITHOUT ROWID (added by hand: drizzle has no word for it).
CREATE TABLE `open_deadlines` (
	`region` text NOT NULL,
	`category` text NOT NULL,
	`channel` text NOT NULL,
	`council` text NOT NULL,
	`complaint_id` integer NOT NULL,
	`due_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`unanswered` integer NOT NULL,
	`resolution_due_at` integer,
	PRIMARY KEY(`region`, `category`, `channel`, `council`, `complaint_id`)
) WITHOUT ROWID;
--> statement-breakpoint
-- The complaints already open are copied by the `open_deadlines` background job after the server
-- listens (src/reports/open-deadlines.ts); until it finishes the dashboard counts from the queue's
-- index as before. The triggers keep every row they touch current whether or not the job has
-- reached it (a row is the complaint's state now, so the job's copy and theirs agree). With no
-- complaint yet there is nothing to copy: the job starts finished.
INSERT INTO `background_jobs` (`name`) VALUES ('open_deadlines');--> statement-breakpoint
UPDATE `background_jobs` SET `cursor` = 9007199254740991, `finished_at` = 0
 WHERE `name` = 'open_deadlines' AND NOT EXISTS (SELECT 1 FROM `complaints`);--> statement-breakpoint
CREATE TRIGGER open_deadlines_insert AFTER INSERT ON complaints
  WHEN new.due_at IS NOT NULL
BEGIN
  INSERT OR REPLACE INTO open_deadlines
    (region, category, channel, council, complaint_id, due_at, created_at, unanswered, resolution_due_at)
  VALUES (new.region_code, new.category_code, new.channel, new.council_code, new.id, new.due_at,
          new.created_at, new.first_response_at IS NULL, new.resolution_due_at);
END;--> statement-breakpoint
CREATE TRIGGER open_deadlines_update AFTER UPDATE OF status, first_response_at, first_response_due_at, resolution_due_at, region_code, council_code, category_code, channel, created_at ON complaints
  WHEN old.due_at IS NOT new.due_at OR old.region_code <> new.region_code
    OR old.council_code <> new.council_code OR old.category_code <> new.category_code
    OR old.channel <> new.channel OR old.created_at <> new.created_at
    OR (old.first_response_at IS NULL) <> (new.first_response_at IS NULL)
    OR old.resolution_due_at IS NOT new.resolution_due_at
BEGIN
  DELETE FROM open_deadlines
   WHERE region = old.region_code AND category = old.category_code AND channel = old.channel
     AND council = old.council_code AND complaint_id = old.id;
  INSERT OR REPLACE INTO open_deadlines
    (region, category, channel, council, complaint_id, due_at, created_at, unanswered, resolution_due_at)
  SELECT new.region_code, new.category_code, new.channel, new.council_code, new.id, new.due_at,
         new.created_at, new.first_response_at IS NULL, new.resolution_due_at
   WHERE new.due_at IS NOT NULL;
END;--> statement-breakpoint
CREATE TRIGGER open_deadlines_delete AFTER DELETE ON complaints
  WHEN old.due_at IS NOT NULL
BEGIN
  DELETE FROM open_deadlines
   WHERE region = old.region_code AND category = old.category_code AND channel = old.channel
     AND council = old.council_code AND complaint_id = old.id;
END;
