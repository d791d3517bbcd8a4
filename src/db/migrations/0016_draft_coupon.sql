ALTER TABLE "drafts" ADD COLUMN "coupon" jsonb;--> statement-breakpoint
-- Drafts made before the column: a system ticket's coupon belongs to its drafts (one source).
UPDATE "drafts" SET "coupon" = "tickets"."coupon" FROM "tickets" WHERE "drafts"."ticket_id" = "tickets"."id" AND "tickets"."coupon" IS NOT NULL;
