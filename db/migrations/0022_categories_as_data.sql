ALTER TABLE `categories` ADD `name_sw` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `categories` ADD `name_en` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `categories` ADD `first_response_days` integer;--> statement-breakpoint
ALTER TABLE `categories` ADD `resolution_days` integer;--> statement-breakpoint
ALTER TABLE `categories` ADD `public` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `categories` ADD `retired_at` integer;--> statement-breakpoint
ALTER TABLE `categories` ADD `updated_at` integer;--> statement-breakpoint
-- The nine categories of the first release get the names the menus gave them (menus/locales);
-- their SLA stays the configured one (null) and all stay public, as before: no change in
-- behaviour until headquarters changes them. A new database gets them from the seed.
UPDATE `categories` SET `name_sw` = CASE `code`
    WHEN 'health' THEN 'Afya' WHEN 'education' THEN 'Elimu' WHEN 'water' THEN 'Maji'
    WHEN 'roads' THEN 'Barabara' WHEN 'land' THEN 'Ardhi' WHEN 'agriculture' THEN 'Kilimo'
    WHEN 'council_services' THEN 'Huduma za Halmashauri' WHEN 'corruption' THEN 'Rushwa'
    WHEN 'other' THEN 'Mengineyo' ELSE `code` END,
  `name_en` = CASE `code`
    WHEN 'health' THEN 'Health' WHEN 'education' THEN 'Education' WHEN 'water' THEN 'Water'
    WHEN 'roads' THEN 'Roads' WHEN 'land' THEN 'Land' WHEN 'agriculture' THEN 'Agriculture'
    WHEN 'council_services' THEN 'Local government services' WHEN 'corruption' THEN 'Corruption'
    WHEN 'other' THEN 'Other' ELSE `code` END;
