-- Listings refer to taxonomy terms by id in text[] columns (fast && and @> filters with GIN
-- indexes); a foreign key cannot point from an array element, so triggers call this instead.
create function public.assert_terms(ids text[], taxonomy text, column_label text)
returns void
language plpgsql
stable
set search_path = ''
as $$
declare
  unknown text[];
begin
  if taxonomy not in ('fields', 'categories', 'needs', 'targets', 'ease', 'accessibility', 'languages') then
    raise exception 'assert_terms: % is not a taxonomy table', taxonomy;
  end if;
  if ids is null then
    return;
  end if;
  if array_position(ids, null) is not null then
    raise exception '% must not contain null', column_label using errcode = '23502';
  end if;
  execute format(
    'select array_agg(distinct x order by x) from unnest($1) as x where not exists (select 1 from public.%I t where t.id = x)',
    taxonomy
  ) into unknown using ids;
  if unknown is not null then
    raise exception 'unknown % id(s): %', column_label, array_to_string(unknown, ', ')
      using errcode = '23503', hint = format('use ids from public.%s', taxonomy);
  end if;
  if (select count(distinct x) from unnest(ids) as x) <> cardinality(ids) then
    raise exception '% lists an id twice', column_label using errcode = '23514';
  end if;
end
$$;
comment on function public.assert_terms(text[], text, text) is
  'Raises (23503) when ids holds an id missing from the named taxonomy table, or a duplicate; used by listing triggers.';

-- updated_at kept by the database, not by clients
create function public.touch_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;
comment on function public.touch_updated_at() is 'Trigger: sets updated_at to now() on every update.';

create trigger organizations_touch_updated_at before update on public.organizations
  for each row execute function public.touch_updated_at();
create trigger profiles_touch_updated_at before update on public.profiles
  for each row execute function public.touch_updated_at();
create trigger areas_touch_updated_at before update on public.areas
  for each row execute function public.touch_updated_at();

-- categories name their default fields
create function public.validate_category()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  perform public.assert_terms(new.fields, 'fields', 'categories.fields');
  return new;
end
$$;
comment on function public.validate_category() is 'Trigger: categories.fields must name known fields.';
create trigger categories_validate before insert or update on public.categories
  for each row execute function public.validate_category();
