CREATE TABLE "listing_dispute_links" (
	"ticket_id" text PRIMARY KEY NOT NULL,
	"shop_id" text NOT NULL,
	"listing_id" text NOT NULL,
	"score_pct" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "listing_validations" ADD COLUMN "trigger" jsonb;--> statement-breakpoint
ALTER TABLE "listing_dispute_links" ADD CONSTRAINT "listing_dispute_links_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_dispute_links" ADD CONSTRAINT "listing_dispute_links_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "listing_dispute_links_listing_idx" ON "listing_dispute_links" USING btree ("shop_id","listing_id","created_at");