#!/usr/bin/env bash
# Generates a drizzle-kit migration from src/db/schema and makes it schema-relative (no "public."),
# so the same SQL runs in a per-test schema via search_path. Usage: npm run db:generate -- <name>
set -euo pipefail
cd "$(dirname "$0")/.."
npx drizzle-kit generate ${1:+--name "$1"}
sed -i 's/"public"\.//g' src/db/migrations/*.sql
