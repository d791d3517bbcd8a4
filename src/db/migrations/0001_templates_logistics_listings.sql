CREATE TABLE "listing_validations" (
	"id" text PRIMARY KEY NOT NULL,
	"shop_id" text NOT NULL,
	"listing_id" text NOT NULL,
	"status" text NOT NULL,
	"request" jsonb NOT NULL,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "shipments" (
	"shop_id" text NOT NULL,
	"tracking_number" text NOT NULL,
	"order_id" text NOT NULL,
	"carrier" text NOT NULL,
	"buyer_id" text NOT NULL,
	"buyer_locale" text,
	"state" text NOT NULL,
	"leg" text,
	"last_event_at" timestamp with time zone,
	"stalled_since" timestamp with time zone,
	"events" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"actions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shipments_shop_id_tracking_number_pk" PRIMARY KEY("shop_id","tracking_number")
);
--> statement-breakpoint
CREATE TABLE "coupons" (
	"code" text PRIMARY KEY NOT NULL,
	"shop_id" text NOT NULL,
	"order_id" text NOT NULL,
	"ticket_id" text,
	"tracking_number" text,
	"value_minor" integer NOT NULL,
	"currency" text NOT NULL,
	"reason" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "template_overrides" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"shop_id" text NOT NULL,
	"template_id" text NOT NULL,
	"language" text NOT NULL,
	"version" integer NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "listing_validations" ADD CONSTRAINT "listing_validations_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupons" ADD CONSTRAINT "coupons_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_overrides" ADD CONSTRAINT "template_overrides_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "coupons_shop_order_uq" ON "coupons" USING btree ("shop_id","order_id");--> statement-breakpoint
CREATE INDEX "coupons_shop_month_idx" ON "coupons" USING btree ("shop_id","granted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "template_overrides_version_uq" ON "template_overrides" USING btree ("shop_id","template_id","language","version");--> statement-breakpoint
CREATE INDEX "template_overrides_shop_idx" ON "template_overrides" USING btree ("shop_id");