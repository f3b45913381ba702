-- The keyword text and the list order of the read RPCs, made the same as the app's local search
-- (src/domain/search/keyword-text.ts, index.ts), so both data sources answer a query alike
-- (tests/conformance runs the same queries through both):
--   site text: name, kana, description, the category's labels (ja, en) and, for help desks,
--              相談窓口 / Help desk; each part normalized on its own and joined by a newline, which
--              a normalized keyword never contains, so no match spans two parts.
--              (Before: name|kana|address|description|label_ja. The address is not searched by
--              the app either; add it to both together if residents need it.)
--   menu text: the title (before: title|description).
--   sort_key:  the normalized kana, or the normalized name when there is no reading, compared
--              by code point ("C"), then the id: hiragana code order is gojūon order.

alter table public.sites add column sort_key text collate "C" not null default '';
comment on column public.sites.sort_key is 'list order: normalize_search_text(kana), or of the name when kana is empty; kept by trigger';
create index sites_sort_key_idx on public.sites (sort_key, (id collate "C"));
comment on column public.sites.search_text is 'normalized name, kana, description, category labels (ja, en; 相談窓口 / Help desk for help desks), one per line; kept by trigger';
comment on column public.menus.search_text is 'normalize_search_text(title), kept by trigger';

create function public.site_keyword_text(name text, kana text, description text, category_id text)
returns text
language sql
stable
set search_path = ''
as $$
  select concat_ws(E'\n',
    public.normalize_search_text(site_keyword_text.name), public.normalize_search_text(site_keyword_text.kana),
    public.normalize_search_text(site_keyword_text.description),
    public.normalize_search_text(c.label_ja), public.normalize_search_text(c.label_en),
    case when c.help_desk then public.normalize_search_text('相談窓口') end,
    case when c.help_desk then public.normalize_search_text('Help desk') end)
  from (select 1) one
  left join public.categories c on c.id = site_keyword_text.category_id
$$;
comment on function public.site_keyword_text(text, text, text, text) is 'A site''s keyword text as the app builds it (src/domain/search/keyword-text.ts): normalized parts, one per line.';

create function public.site_sort_key(name text, kana text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select coalesce(nullif(public.normalize_search_text(kana), ''), public.normalize_search_text(name), '')
$$;
comment on function public.site_sort_key(text, text) is 'The list order key of a site: normalized kana, else normalized name (as the app''s search index).';

create or replace function public.sites_before_write()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  perform public.assert_terms(new.fields, 'fields', 'sites.fields');
  perform public.assert_terms(new.accessibility, 'accessibility', 'sites.accessibility');
  if tg_op = 'INSERT' or new.service_area_ids is distinct from old.service_area_ids then
    perform public.assert_areas(new.service_area_ids, 'sites.service_area_ids');
  end if;
  if new.public_contact_site_id is not null
     and (tg_op = 'INSERT' or new.public_contact_site_id is distinct from old.public_contact_site_id)
     and exists (select 1 from public.sites s where s.id = new.public_contact_site_id and s.confidential) then
    raise exception 'public_contact_site_id % is itself confidential', new.public_contact_site_id
      using errcode = '23514', hint = 'name a public help desk as the contact of a confidential site';
  end if;
  new.search_text := public.site_keyword_text(new.name, new.kana, new.description, new.category_id);
  new.sort_key := public.site_sort_key(new.name, new.kana);
  if tg_op = 'UPDATE' then
    new.updated_at := now();
    new.updated_by := auth.uid();
  end if;
  return new;
end
$$;
comment on function public.sites_before_write() is 'Trigger: validates term and area ids and the contact desk, keeps search_text, sort_key and updated_at/by.';

create or replace function public.menus_before_write()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  problem text;
begin
  perform public.assert_terms(new.needs, 'needs', 'menus.needs');
  perform public.assert_terms(new.targets, 'targets', 'menus.targets');
  perform public.assert_terms(new.ease, 'ease', 'menus.ease');
  perform public.assert_terms(new.languages, 'languages', 'menus.languages');
  if exists (select 1 from public.ease e where e.id = any (new.ease) and e.derived) then
    raise exception 'menus.ease must not store a derived term (free comes from cost_kind)'
      using errcode = '23514', hint = 'set cost_kind = ''free'' instead of listing "free"';
  end if;
  if tg_op = 'INSERT' or new.service_area_ids is distinct from old.service_area_ids then
    perform public.assert_areas(new.service_area_ids, 'menus.service_area_ids');
  end if;
  problem := public.schedule_problem(new.schedule);
  if problem is not null then
    raise exception 'invalid schedule: %', problem
      using errcode = '23514', hint = 'see the Schedule type in src/domain/model.ts';
  end if;
  new.search_text := public.normalize_search_text(new.title);
  if tg_op = 'UPDATE' then
    new.updated_at := now();
    new.updated_by := auth.uid();
  end if;
  return new;
end
$$;
comment on function public.menus_before_write() is 'Trigger: validates term and area ids and the schedule (with a readable error), keeps search_text (the title) and updated_at/by.';

-- existing rows: recompute the derived columns only (no revision, audit or updated_at for a
-- change nobody made)
alter table public.sites disable trigger user;
update public.sites set search_text = public.site_keyword_text(name, kana, description, category_id),
                        sort_key = public.site_sort_key(name, kana);
alter table public.sites enable trigger user;
alter table public.menus disable trigger user;
update public.menus set search_text = public.normalize_search_text(title);
alter table public.menus enable trigger user;
