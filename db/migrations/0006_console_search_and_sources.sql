-- Where each past event came from: before the web console, staff acted by SMS commands and
-- citizens filed by USSD and wrote by SMS; everything else was the system.
UPDATE `complaint_events` SET `source` = CASE
  WHEN `actor` LIKE 'staff:%' THEN 'sms'
  WHEN `actor` = 'citizen' AND `type` = 'received' THEN 'ussd'
  WHEN `actor` = 'citizen' THEN 'sms'
  ELSE 'system' END;
--> statement-breakpoint
-- Words in descriptions and places, for the console's search box (SQLite FTS5, kept in step with
-- `complaints` by triggers; diacritics folded so "maji" finds "máji").
CREATE VIRTUAL TABLE `complaints_fts` USING fts5(
  `description`, `place`, content='complaints', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
INSERT INTO `complaints_fts` (`complaints_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `complaints_fts_ai` AFTER INSERT ON `complaints` BEGIN
  INSERT INTO `complaints_fts` (`rowid`, `description`, `place`)
  VALUES (new.`id`, new.`description`, new.`place`);
END;
--> statement-breakpoint
CREATE TRIGGER `complaints_fts_ad` AFTER DELETE ON `complaints` BEGIN
  INSERT INTO `complaints_fts` (`complaints_fts`, `rowid`, `description`, `place`)
  VALUES ('delete', old.`id`, old.`description`, old.`place`);
END;
--> statement-breakpoint
CREATE TRIGGER `complaints_fts_au` AFTER UPDATE OF `description`, `place` ON `complaints` BEGIN
  INSERT INTO `complaints_fts` (`complaints_fts`, `rowid`, `description`, `place`)
  VALUES ('delete', old.`id`, old.`description`, old.`place`);
  INSERT INTO `complaints_fts` (`rowid`, `description`, `place`)
  VALUES (new.`id`, new.`description`, new.`place`);
END;
