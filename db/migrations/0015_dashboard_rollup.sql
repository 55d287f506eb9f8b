-- Complaints reopened before reopen_count existed: counted from their history.
UPDATE `complaints` SET `reopen_count` = (
  SELECT count(*) FROM `complaint_events` e
   WHERE e.`complaint_id` = `complaints`.`id` AND e.`type` = 'reopened'
) WHERE `id` IN (SELECT `complaint_id` FROM `complaint_events` WHERE `type` = 'reopened');
--> statement-breakpoint
-- (The complaints already filed were counted into complaint_days here; since 0017 replaced
-- it with complaint_rollup, built in the background after start, that count is no longer made.)
SELECT 1;
--> statement-breakpoint
-- From now on the rollup changes with each complaint, in the same transaction: a row's old
-- contribution is taken away and its new one added. Office-time histograms follow once
-- src/reports/work-times.ts has stored the times (an update these triggers see).
CREATE TRIGGER `complaint_days_ai` AFTER INSERT ON `complaints` BEGIN
  INSERT INTO `complaint_days` (`region`, `kind`, `day`, `key`, `received`, `resolved`, `open`, `unattended`, `answered`, `first_response_met`, `first_response_missed`, `resolved_ever`, `resolution_met`, `resolution_missed`, `ever_done`, `reopened`, `r1`, `r2`, `r3`, `r4`, `r5`)
    SELECT l.region, l.kind, ((new.`created_at` + 10800000) / 86400000), l.key, +(1), +(new.`status` IN ('resolved', 'closed')), +(new.`status` IN ('received', 'assigned', 'in_progress')), +(new.`status` IN ('received', 'assigned', 'in_progress') AND new.`assignee_id` IS NULL), +(new.`first_response_at` IS NOT NULL), +(coalesce(new.`first_response_at` <= new.`first_response_due_at`, 0)), +(coalesce(new.`first_response_at` > new.`first_response_due_at`, 0) OR (new.`first_response_at` IS NULL AND new.`first_response_escalated_at` IS NOT NULL)), +(new.`resolved_at` IS NOT NULL), +(coalesce(new.`resolved_at` <= new.`resolution_due_at`, 0)), +(coalesce(new.`resolved_at` > new.`resolution_due_at`, 0) OR (new.`resolved_at` IS NULL AND new.`resolution_escalated_at` IS NOT NULL)), +(new.`resolved_at` IS NOT NULL OR new.`reopen_count` > 0), +(new.`reopen_count` > 0), +(coalesce(new.`rating` = 1, 0)), +(coalesce(new.`rating` = 2, 0)), +(coalesce(new.`rating` = 3, 0)), +(coalesce(new.`rating` = 4, 0)), +(coalesce(new.`rating` = 5, 0))
    FROM (SELECT '' AS region, 'region' AS kind, new.`region_code` AS key
      UNION ALL SELECT '' AS region, 'category' AS kind, new.`category_code` AS key
      UNION ALL SELECT '' AS region, 'channel' AS kind, new.`channel` AS key
      UNION ALL SELECT new.`region_code` AS region, 'council' AS kind, new.`council_code` AS key
      UNION ALL SELECT new.`region_code` AS region, 'category' AS kind, new.`category_code` AS key
      UNION ALL SELECT new.`region_code` AS region, 'channel' AS kind, new.`channel` AS key) AS l WHERE true
    ON CONFLICT (`region`, `kind`, `day`, `key`) DO UPDATE SET
      `received` = `received` + excluded.`received`,
      `resolved` = `resolved` + excluded.`resolved`,
      `open` = `open` + excluded.`open`,
      `unattended` = `unattended` + excluded.`unattended`,
      `answered` = `answered` + excluded.`answered`,
      `first_response_met` = `first_response_met` + excluded.`first_response_met`,
      `first_response_missed` = `first_response_missed` + excluded.`first_response_missed`,
      `resolved_ever` = `resolved_ever` + excluded.`resolved_ever`,
      `resolution_met` = `resolution_met` + excluded.`resolution_met`,
      `resolution_missed` = `resolution_missed` + excluded.`resolution_missed`,
      `ever_done` = `ever_done` + excluded.`ever_done`,
      `reopened` = `reopened` + excluded.`reopened`,
      `r1` = `r1` + excluded.`r1`,
      `r2` = `r2` + excluded.`r2`,
      `r3` = `r3` + excluded.`r3`,
      `r4` = `r4` + excluded.`r4`,
      `r5` = `r5` + excluded.`r5`;
  INSERT INTO `complaint_days` (`region`, `kind`, `day`, `key`, `received`, `resolved`, `open`, `unattended`, `answered`, `first_response_met`, `first_response_missed`, `resolved_ever`, `resolution_met`, `resolution_missed`, `ever_done`, `reopened`, `r1`, `r2`, `r3`, `r4`, `r5`)
    SELECT l.region, 'resolved_on', (new.`resolved_at` + 10800000) / 86400000, '', 0, +1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM (SELECT '' AS region UNION ALL SELECT new.`region_code`) AS l
    WHERE new.`resolved_at` IS NOT NULL AND new.`status` IN ('resolved', 'closed')
    ON CONFLICT (`region`, `kind`, `day`, `key`) DO UPDATE SET `resolved` = `resolved` + excluded.`resolved`;
  INSERT INTO `complaint_day_hours` (`measure`, `day`, `hours`, `n`)
    SELECT m.measure, ((new.`created_at` + 10800000) / 86400000), (m.ms + 3599999) / 3600000, +1
    FROM (SELECT 'fr' AS measure, new.`first_response_work_ms` AS ms
          UNION ALL SELECT 'res', new.`resolution_work_ms`) AS m
    WHERE m.ms IS NOT NULL
    ON CONFLICT (`measure`, `day`, `hours`) DO UPDATE SET `n` = `n` + excluded.`n`;
END;
--> statement-breakpoint
CREATE TRIGGER `complaint_days_ad` AFTER DELETE ON `complaints` BEGIN
  INSERT INTO `complaint_days` (`region`, `kind`, `day`, `key`, `received`, `resolved`, `open`, `unattended`, `answered`, `first_response_met`, `first_response_missed`, `resolved_ever`, `resolution_met`, `resolution_missed`, `ever_done`, `reopened`, `r1`, `r2`, `r3`, `r4`, `r5`)
    SELECT l.region, l.kind, ((old.`created_at` + 10800000) / 86400000), l.key, -(1), -(old.`status` IN ('resolved', 'closed')), -(old.`status` IN ('received', 'assigned', 'in_progress')), -(old.`status` IN ('received', 'assigned', 'in_progress') AND old.`assignee_id` IS NULL), -(old.`first_response_at` IS NOT NULL), -(coalesce(old.`first_response_at` <= old.`first_response_due_at`, 0)), -(coalesce(old.`first_response_at` > old.`first_response_due_at`, 0) OR (old.`first_response_at` IS NULL AND old.`first_response_escalated_at` IS NOT NULL)), -(old.`resolved_at` IS NOT NULL), -(coalesce(old.`resolved_at` <= old.`resolution_due_at`, 0)), -(coalesce(old.`resolved_at` > old.`resolution_due_at`, 0) OR (old.`resolved_at` IS NULL AND old.`resolution_escalated_at` IS NOT NULL)), -(old.`resolved_at` IS NOT NULL OR old.`reopen_count` > 0), -(old.`reopen_count` > 0), -(coalesce(old.`rating` = 1, 0)), -(coalesce(old.`rating` = 2, 0)), -(coalesce(old.`rating` = 3, 0)), -(coalesce(old.`rating` = 4, 0)), -(coalesce(old.`rating` = 5, 0))
    FROM (SELECT '' AS region, 'region' AS kind, old.`region_code` AS key
      UNION ALL SELECT '' AS region, 'category' AS kind, old.`category_code` AS key
      UNION ALL SELECT '' AS region, 'channel' AS kind, old.`channel` AS key
      UNION ALL SELECT old.`region_code` AS region, 'council' AS kind, old.`council_code` AS key
      UNION ALL SELECT old.`region_code` AS region, 'category' AS kind, old.`category_code` AS key
      UNION ALL SELECT old.`region_code` AS region, 'channel' AS kind, old.`channel` AS key) AS l WHERE true
    ON CONFLICT (`region`, `kind`, `day`, `key`) DO UPDATE SET
      `received` = `received` + excluded.`received`,
      `resolved` = `resolved` + excluded.`resolved`,
      `open` = `open` + excluded.`open`,
      `unattended` = `unattended` + excluded.`unattended`,
      `answered` = `answered` + excluded.`answered`,
      `first_response_met` = `first_response_met` + excluded.`first_response_met`,
      `first_response_missed` = `first_response_missed` + excluded.`first_response_missed`,
      `resolved_ever` = `resolved_ever` + excluded.`resolved_ever`,
      `resolution_met` = `resolution_met` + excluded.`resolution_met`,
      `resolution_missed` = `resolution_missed` + excluded.`resolution_missed`,
      `ever_done` = `ever_done` + excluded.`ever_done`,
      `reopened` = `reopened` + excluded.`reopened`,
      `r1` = `r1` + excluded.`r1`,
      `r2` = `r2` + excluded.`r2`,
      `r3` = `r3` + excluded.`r3`,
      `r4` = `r4` + excluded.`r4`,
      `r5` = `r5` + excluded.`r5`;
  INSERT INTO `complaint_days` (`region`, `kind`, `day`, `key`, `received`, `resolved`, `open`, `unattended`, `answered`, `first_response_met`, `first_response_missed`, `resolved_ever`, `resolution_met`, `resolution_missed`, `ever_done`, `reopened`, `r1`, `r2`, `r3`, `r4`, `r5`)
    SELECT l.region, 'resolved_on', (old.`resolved_at` + 10800000) / 86400000, '', 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM (SELECT '' AS region UNION ALL SELECT old.`region_code`) AS l
    WHERE old.`resolved_at` IS NOT NULL AND old.`status` IN ('resolved', 'closed')
    ON CONFLICT (`region`, `kind`, `day`, `key`) DO UPDATE SET `resolved` = `resolved` + excluded.`resolved`;
  INSERT INTO `complaint_day_hours` (`measure`, `day`, `hours`, `n`)
    SELECT m.measure, ((old.`created_at` + 10800000) / 86400000), (m.ms + 3599999) / 3600000, -1
    FROM (SELECT 'fr' AS measure, old.`first_response_work_ms` AS ms
          UNION ALL SELECT 'res', old.`resolution_work_ms`) AS m
    WHERE m.ms IS NOT NULL
    ON CONFLICT (`measure`, `day`, `hours`) DO UPDATE SET `n` = `n` + excluded.`n`;
END;
--> statement-breakpoint
CREATE TRIGGER `complaint_days_au` AFTER UPDATE OF `status`, `assignee_id`, `first_response_at`, `first_response_due_at`, `first_response_escalated_at`, `resolved_at`, `resolution_due_at`, `resolution_escalated_at`, `rating`, `reopen_count`, `first_response_work_ms`, `resolution_work_ms`, `region_code`, `council_code`, `category_code`, `channel`, `created_at` ON `complaints` BEGIN
  INSERT INTO `complaint_days` (`region`, `kind`, `day`, `key`, `received`, `resolved`, `open`, `unattended`, `answered`, `first_response_met`, `first_response_missed`, `resolved_ever`, `resolution_met`, `resolution_missed`, `ever_done`, `reopened`, `r1`, `r2`, `r3`, `r4`, `r5`)
    SELECT l.region, l.kind, ((old.`created_at` + 10800000) / 86400000), l.key, -(1), -(old.`status` IN ('resolved', 'closed')), -(old.`status` IN ('received', 'assigned', 'in_progress')), -(old.`status` IN ('received', 'assigned', 'in_progress') AND old.`assignee_id` IS NULL), -(old.`first_response_at` IS NOT NULL), -(coalesce(old.`first_response_at` <= old.`first_response_due_at`, 0)), -(coalesce(old.`first_response_at` > old.`first_response_due_at`, 0) OR (old.`first_response_at` IS NULL AND old.`first_response_escalated_at` IS NOT NULL)), -(old.`resolved_at` IS NOT NULL), -(coalesce(old.`resolved_at` <= old.`resolution_due_at`, 0)), -(coalesce(old.`resolved_at` > old.`resolution_due_at`, 0) OR (old.`resolved_at` IS NULL AND old.`resolution_escalated_at` IS NOT NULL)), -(old.`resolved_at` IS NOT NULL OR old.`reopen_count` > 0), -(old.`reopen_count` > 0), -(coalesce(old.`rating` = 1, 0)), -(coalesce(old.`rating` = 2, 0)), -(coalesce(old.`rating` = 3, 0)), -(coalesce(old.`rating` = 4, 0)), -(coalesce(old.`rating` = 5, 0))
    FROM (SELECT '' AS region, 'region' AS kind, old.`region_code` AS key
      UNION ALL SELECT '' AS region, 'category' AS kind, old.`category_code` AS key
      UNION ALL SELECT '' AS region, 'channel' AS kind, old.`channel` AS key
      UNION ALL SELECT old.`region_code` AS region, 'council' AS kind, old.`council_code` AS key
      UNION ALL SELECT old.`region_code` AS region, 'category' AS kind, old.`category_code` AS key
      UNION ALL SELECT old.`region_code` AS region, 'channel' AS kind, old.`channel` AS key) AS l WHERE true
    ON CONFLICT (`region`, `kind`, `day`, `key`) DO UPDATE SET
      `received` = `received` + excluded.`received`,
      `resolved` = `resolved` + excluded.`resolved`,
      `open` = `open` + excluded.`open`,
      `unattended` = `unattended` + excluded.`unattended`,
      `answered` = `answered` + excluded.`answered`,
      `first_response_met` = `first_response_met` + excluded.`first_response_met`,
      `first_response_missed` = `first_response_missed` + excluded.`first_response_missed`,
      `resolved_ever` = `resolved_ever` + excluded.`resolved_ever`,
      `resolution_met` = `resolution_met` + excluded.`resolution_met`,
      `resolution_missed` = `resolution_missed` + excluded.`resolution_missed`,
      `ever_done` = `ever_done` + excluded.`ever_done`,
      `reopened` = `reopened` + excluded.`reopened`,
      `r1` = `r1` + excluded.`r1`,
      `r2` = `r2` + excluded.`r2`,
      `r3` = `r3` + excluded.`r3`,
      `r4` = `r4` + excluded.`r4`,
      `r5` = `r5` + excluded.`r5`;
  INSERT INTO `complaint_days` (`region`, `kind`, `day`, `key`, `received`, `resolved`, `open`, `unattended`, `answered`, `first_response_met`, `first_response_missed`, `resolved_ever`, `resolution_met`, `resolution_missed`, `ever_done`, `reopened`, `r1`, `r2`, `r3`, `r4`, `r5`)
    SELECT l.region, 'resolved_on', (old.`resolved_at` + 10800000) / 86400000, '', 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM (SELECT '' AS region UNION ALL SELECT old.`region_code`) AS l
    WHERE old.`resolved_at` IS NOT NULL AND old.`status` IN ('resolved', 'closed')
    ON CONFLICT (`region`, `kind`, `day`, `key`) DO UPDATE SET `resolved` = `resolved` + excluded.`resolved`;
  INSERT INTO `complaint_day_hours` (`measure`, `day`, `hours`, `n`)
    SELECT m.measure, ((old.`created_at` + 10800000) / 86400000), (m.ms + 3599999) / 3600000, -1
    FROM (SELECT 'fr' AS measure, old.`first_response_work_ms` AS ms
          UNION ALL SELECT 'res', old.`resolution_work_ms`) AS m
    WHERE m.ms IS NOT NULL
    ON CONFLICT (`measure`, `day`, `hours`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `complaint_days` (`region`, `kind`, `day`, `key`, `received`, `resolved`, `open`, `unattended`, `answered`, `first_response_met`, `first_response_missed`, `resolved_ever`, `resolution_met`, `resolution_missed`, `ever_done`, `reopened`, `r1`, `r2`, `r3`, `r4`, `r5`)
    SELECT l.region, l.kind, ((new.`created_at` + 10800000) / 86400000), l.key, +(1), +(new.`status` IN ('resolved', 'closed')), +(new.`status` IN ('received', 'assigned', 'in_progress')), +(new.`status` IN ('received', 'assigned', 'in_progress') AND new.`assignee_id` IS NULL), +(new.`first_response_at` IS NOT NULL), +(coalesce(new.`first_response_at` <= new.`first_response_due_at`, 0)), +(coalesce(new.`first_response_at` > new.`first_response_due_at`, 0) OR (new.`first_response_at` IS NULL AND new.`first_response_escalated_at` IS NOT NULL)), +(new.`resolved_at` IS NOT NULL), +(coalesce(new.`resolved_at` <= new.`resolution_due_at`, 0)), +(coalesce(new.`resolved_at` > new.`resolution_due_at`, 0) OR (new.`resolved_at` IS NULL AND new.`resolution_escalated_at` IS NOT NULL)), +(new.`resolved_at` IS NOT NULL OR new.`reopen_count` > 0), +(new.`reopen_count` > 0), +(coalesce(new.`rating` = 1, 0)), +(coalesce(new.`rating` = 2, 0)), +(coalesce(new.`rating` = 3, 0)), +(coalesce(new.`rating` = 4, 0)), +(coalesce(new.`rating` = 5, 0))
    FROM (SELECT '' AS region, 'region' AS kind, new.`region_code` AS key
      UNION ALL SELECT '' AS region, 'category' AS kind, new.`category_code` AS key
      UNION ALL SELECT '' AS region, 'channel' AS kind, new.`channel` AS key
      UNION ALL SELECT new.`region_code` AS region, 'council' AS kind, new.`council_code` AS key
      UNION ALL SELECT new.`region_code` AS region, 'category' AS kind, new.`category_code` AS key
      UNION ALL SELECT new.`region_code` AS region, 'channel' AS kind, new.`channel` AS key) AS l WHERE true
    ON CONFLICT (`region`, `kind`, `day`, `key`) DO UPDATE SET
      `received` = `received` + excluded.`received`,
      `resolved` = `resolved` + excluded.`resolved`,
      `open` = `open` + excluded.`open`,
      `unattended` = `unattended` + excluded.`unattended`,
      `answered` = `answered` + excluded.`answered`,
      `first_response_met` = `first_response_met` + excluded.`first_response_met`,
      `first_response_missed` = `first_response_missed` + excluded.`first_response_missed`,
      `resolved_ever` = `resolved_ever` + excluded.`resolved_ever`,
      `resolution_met` = `resolution_met` + excluded.`resolution_met`,
      `resolution_missed` = `resolution_missed` + excluded.`resolution_missed`,
      `ever_done` = `ever_done` + excluded.`ever_done`,
      `reopened` = `reopened` + excluded.`reopened`,
      `r1` = `r1` + excluded.`r1`,
      `r2` = `r2` + excluded.`r2`,
      `r3` = `r3` + excluded.`r3`,
      `r4` = `r4` + excluded.`r4`,
      `r5` = `r5` + excluded.`r5`;
  INSERT INTO `complaint_days` (`region`, `kind`, `day`, `key`, `received`, `resolved`, `open`, `unattended`, `answered`, `first_response_met`, `first_response_missed`, `resolved_ever`, `resolution_met`, `resolution_missed`, `ever_done`, `reopened`, `r1`, `r2`, `r3`, `r4`, `r5`)
    SELECT l.region, 'resolved_on', (new.`resolved_at` + 10800000) / 86400000, '', 0, +1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM (SELECT '' AS region UNION ALL SELECT new.`region_code`) AS l
    WHERE new.`resolved_at` IS NOT NULL AND new.`status` IN ('resolved', 'closed')
    ON CONFLICT (`region`, `kind`, `day`, `key`) DO UPDATE SET `resolved` = `resolved` + excluded.`resolved`;
  INSERT INTO `complaint_day_hours` (`measure`, `day`, `hours`, `n`)
    SELECT m.measure, ((new.`created_at` + 10800000) / 86400000), (m.ms + 3599999) / 3600000, +1
    FROM (SELECT 'fr' AS measure, new.`first_response_work_ms` AS ms
          UNION ALL SELECT 'res', new.`resolution_work_ms`) AS m
    WHERE m.ms IS NOT NULL
    ON CONFLICT (`measure`, `day`, `hours`) DO UPDATE SET `n` = `n` + excluded.`n`;
END;
