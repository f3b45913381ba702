-- Extensions live in the `extensions` schema, never in `public` (Supabase's advice: objects in
-- public are exposed through the API). A Supabase project already has the schema and pgcrypto;
-- `if not exists` keeps this migration harmless there.
create schema if not exists extensions;

-- geography/geometry types, spatial indexes, ST_AsMVT for vector tiles
create extension if not exists postgis with schema extensions;
-- gen_random_uuid() for ids
create extension if not exists pgcrypto with schema extensions;
-- trigram GIN index behind keyword search (like '%…%' on normalized text)
create extension if not exists pg_trgm with schema extensions;
