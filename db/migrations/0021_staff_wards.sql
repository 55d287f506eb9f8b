CREATE TABLE `staff_wards` (
	`staff_id` integer NOT NULL,
	`ward_code` text NOT NULL,
	PRIMARY KEY(`staff_id`, `ward_code`),
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `staff_wards_ward_idx` ON `staff_wards` (`ward_code`);