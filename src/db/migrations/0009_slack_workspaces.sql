CREATE TABLE "slack_bindings" (
	"shop_id" text PRIMARY KEY NOT NULL,
	"via" text NOT NULL,
	"team_id" text,
	"channel_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "slack_install_links" (
	"id" text PRIMARY KEY NOT NULL,
	"shop_id" text NOT NULL,
	"public_channels" boolean DEFAULT false NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "slack_installations" (
	"team_id" text PRIMARY KEY NOT NULL,
	"team_name" text,
	"app_id" text,
	"bot_user_id" text,
	"bot_id" text,
	"bot_token_encrypted" text NOT NULL,
	"scopes" text DEFAULT '' NOT NULL,
	"installed_by" text,
	"installed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "slack_bindings" ADD CONSTRAINT "slack_bindings_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slack_install_links" ADD CONSTRAINT "slack_install_links_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "slack_bindings_team_idx" ON "slack_bindings" USING btree ("team_id");