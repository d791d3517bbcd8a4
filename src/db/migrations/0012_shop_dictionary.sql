CREATE TABLE "shop_dictionary_words" (
	"shop_id" text NOT NULL,
	"language" text NOT NULL,
	"word" text NOT NULL,
	"added_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shop_dictionary_words_shop_id_language_word_pk" PRIMARY KEY("shop_id","language","word")
);
--> statement-breakpoint
ALTER TABLE "shop_dictionary_words" ADD CONSTRAINT "shop_dictionary_words_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "shop_dictionary_words_word_idx" ON "shop_dictionary_words" USING btree ("language","word");