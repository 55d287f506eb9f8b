DROP INDEX `ussd_sessions_draft_idx`;--> statement-breakpoint
CREATE INDEX `ussd_sessions_draft_phone_idx` ON `ussd_sessions` (`phone`) WHERE "ussd_sessions"."draft_open" = 1;