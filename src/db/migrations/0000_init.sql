CREATE TABLE "deliveries" (
	"idempotency_key" text PRIMARY KEY NOT NULL,
	"ticket_id" text NOT NULL,
	"revision" integer NOT NULL,
	"target" text NOT NULL,
	"state" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"shop_id" text NOT NULL,
	"name" text,
	"token_hash" text NOT NULL,
	"scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "shops" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"default_language" text NOT NULL,
	"seller_language" text NOT NULL,
	"plan" text NOT NULL,
	"telegram_link_code" text NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shops_telegram_link_code_unique" UNIQUE("telegram_link_code")
);
--> statement-breakpoint
CREATE TABLE "telegram_chats" (
	"chat_id" text PRIMARY KEY NOT NULL,
	"shop_id" text NOT NULL,
	"language" text,
	"linked_by_user_id" text,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "approval_cards" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ticket_id" text NOT NULL,
	"revision" integer NOT NULL,
	"channel" text NOT NULL,
	"chat_id" text NOT NULL,
	"message_id" text NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "buyer_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"shop_id" text NOT NULL,
	"ticket_id" text NOT NULL,
	"message_id" text NOT NULL,
	"text" text NOT NULL,
	"redacted_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"buyer_locale" text,
	"buyer_country" text,
	"received_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ticket_id" text NOT NULL,
	"action" text NOT NULL,
	"revision" integer NOT NULL,
	"actor_channel" text NOT NULL,
	"actor_id" text NOT NULL,
	"actor_name" text,
	"text" text,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drafts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ticket_id" text NOT NULL,
	"revision" integer NOT NULL,
	"language" text NOT NULL,
	"text" text NOT NULL,
	"source" text NOT NULL,
	"template_id" text,
	"template_version" integer,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ticket_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dedupe_key" text
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" text PRIMARY KEY NOT NULL,
	"shop_id" text NOT NULL,
	"order_id" text NOT NULL,
	"buyer_id" text NOT NULL,
	"buyer_name" text,
	"status" text NOT NULL,
	"language" text,
	"language_confidence" real,
	"category" text,
	"confidence" real,
	"urgency" text,
	"abstained" integer DEFAULT 0 NOT NULL,
	"order" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dispute" jsonb,
	"current_revision" integer DEFAULT 0 NOT NULL,
	"final_text" text,
	"decided_by" jsonb,
	"decided_at" timestamp with time zone,
	"delivery_state" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telegram_chats" ADD CONSTRAINT "telegram_chats_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_cards" ADD CONSTRAINT "approval_cards_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buyer_messages" ADD CONSTRAINT "buyer_messages_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buyer_messages" ADD CONSTRAINT "buyer_messages_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliveries_ticket_idx" ON "deliveries" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "api_tokens_shop_idx" ON "api_tokens" USING btree ("shop_id");--> statement-breakpoint
CREATE INDEX "telegram_chats_shop_idx" ON "telegram_chats" USING btree ("shop_id");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_cards_uq" ON "approval_cards" USING btree ("ticket_id","revision","channel","chat_id");--> statement-breakpoint
CREATE UNIQUE INDEX "buyer_messages_shop_message_uq" ON "buyer_messages" USING btree ("shop_id","message_id");--> statement-breakpoint
CREATE INDEX "buyer_messages_ticket_idx" ON "buyer_messages" USING btree ("ticket_id");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_ticket_uq" ON "decisions" USING btree ("ticket_id");--> statement-breakpoint
CREATE UNIQUE INDEX "drafts_ticket_revision_uq" ON "drafts" USING btree ("ticket_id","revision");--> statement-breakpoint
CREATE INDEX "ticket_events_ticket_idx" ON "ticket_events" USING btree ("ticket_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_events_dedupe_uq" ON "ticket_events" USING btree ("ticket_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "tickets_shop_status_idx" ON "tickets" USING btree ("shop_id","status","created_at");--> statement-breakpoint
CREATE INDEX "tickets_shop_order_buyer_idx" ON "tickets" USING btree ("shop_id","order_id","buyer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_one_open_per_order_buyer" ON "tickets" USING btree ("shop_id","order_id","buyer_id") WHERE status in ('classifying', 'awaiting_approval');