DROP INDEX "tickets_one_open_per_order_buyer";--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "coupon" jsonb;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "origin" text DEFAULT 'buyer' NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "system_key" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "auto_send_rule" text;--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_system_key_uq" ON "tickets" USING btree ("shop_id","system_key");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_one_open_per_order_buyer" ON "tickets" USING btree ("shop_id","order_id","buyer_id") WHERE status in ('classifying', 'awaiting_approval') and origin = 'buyer';