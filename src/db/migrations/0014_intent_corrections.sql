CREATE TABLE "intent_corrections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"shop_id" text NOT NULL,
	"ticket_id" text NOT NULL,
	"revision" integer NOT NULL,
	"text" text NOT NULL,
	"language" text NOT NULL,
	"category" text NOT NULL,
	"corrected_from" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"erased_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "intent_corrections" ADD CONSTRAINT "intent_corrections_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intent_corrections" ADD CONSTRAINT "intent_corrections_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "intent_corrections_ticket_revision_uq" ON "intent_corrections" USING btree ("ticket_id","revision");--> statement-breakpoint
CREATE INDEX "intent_corrections_shop_language_idx" ON "intent_corrections" USING btree ("shop_id","language","id");