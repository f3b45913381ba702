-- editor_listings looks up the latest change request of every listing it returns (for the
-- rejection note): an index by listing, newest first, so that is one index probe per row instead of
-- a scan of every request.
create index listing_changes_listing_idx on public.listing_changes (kind, listing_id, submitted_at desc, id desc);
