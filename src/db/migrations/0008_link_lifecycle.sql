CREATE TABLE "shop_outbound" (
	"shop_id" text PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "telegram_link_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"shop_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by_chat" text,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "shops" DROP CONSTRAINT "shops_telegram_link_code_unique";--> statement-breakpoint
ALTER TABLE "team_members" ADD COLUMN "via" text DEFAULT 'api' NOT NULL;--> statement-breakpoint
ALTER TABLE "shop_outbound" ADD CONSTRAINT "shop_outbound_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telegram_link_codes" ADD CONSTRAINT "telegram_link_codes_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "telegram_link_codes_one_live_uq" ON "telegram_link_codes" USING btree ("shop_id") WHERE "telegram_link_codes"."used_at" is null and "telegram_link_codes"."revoked_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "team_members_one_link_owner_uq" ON "team_members" USING btree ("shop_id") WHERE "team_members"."role" = 'owner' and "team_members"."via" = 'link_code';--> statement-breakpoint
ALTER TABLE "shops" DROP COLUMN "telegram_link_code";