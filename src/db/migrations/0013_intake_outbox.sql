CREATE TABLE "intake_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"shop_id" text NOT NULL,
	"ticket_id" text NOT NULL,
	"message_id" text NOT NULL,
	"shop_rank" integer DEFAULT 0 NOT NULL,
	"lease_until" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "tickets_one_open_per_order_buyer";--> statement-breakpoint
ALTER TABLE "intake_outbox" ADD CONSTRAINT "intake_outbox_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_outbox" ADD CONSTRAINT "intake_outbox_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "intake_outbox_shop_message_uq" ON "intake_outbox" USING btree ("shop_id","message_id");--> statement-breakpoint
CREATE INDEX "intake_outbox_fair_idx" ON "intake_outbox" USING btree ("shop_rank","id");--> statement-breakpoint
CREATE INDEX "intake_outbox_ticket_idx" ON "intake_outbox" USING btree ("ticket_id","id");--> statement-breakpoint
CREATE INDEX "intake_outbox_shop_idx" ON "intake_outbox" USING btree ("shop_id");--> statement-breakpoint
CREATE INDEX "tickets_classifying_idx" ON "tickets" USING btree ("updated_at") WHERE status = 'classifying';--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_one_open_per_order_buyer" ON "tickets" USING btree ("shop_id","order_id","buyer_id") WHERE status in ('queued', 'classifying', 'awaiting_approval', 'escalated') and origin = 'buyer';