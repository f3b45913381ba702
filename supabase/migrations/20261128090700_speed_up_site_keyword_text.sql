-- sites_before_write took 2.7 ms per row (an import of 2,000 sites spent 5.4 s in it): it called
-- normalize_search_text nine times per site, four of them on the category's constant labels
-- (label_ja, label_en, 相談窓口 / Help desk) and twice more on the name and kana for the sort key.
-- Now the category's part of the keyword text is kept, normalized, in categories.keyword_text (by a
-- trigger on categories), and the trigger normalizes the name and kana once for both columns.
-- The text is the same as before (site_keyword_text keeps its definition in terms of the parts;
-- tests/conformance compares the keyword search with the app's).

alter table public.categories add column keyword_text text not null default '';
comment on column public.categories.keyword_text is 'the category''s part of a site''s keyword text: normalized label_ja, label_en and, for help desks, 相談窓口 / Help desk, one per line; kept by trigger';

create function public.categories_before_write()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.keyword_text := concat_ws(E'\n',
    public.normalize_search_text(new.label_ja), public.normalize_search_text(new.label_en),
    case when new.help_desk then public.normalize_search_text('相談窓口') end,
    case when new.help_desk then public.normalize_search_text('Help desk') end);
  return new;
end
$$;
comment on function public.categories_before_write() is 'Trigger: keeps categories.keyword_text (the normalized labels a site of the category is found by).';
create trigger categories_before_write before insert or update on public.categories
  for each row execute function public.categories_before_write();
-- fill it (the trigger computes it); not an edit anybody made, so not in the audit log
alter table public.categories disable trigger categories_record_audit;
update public.categories set keyword_text = '';
alter table public.categories enable trigger categories_record_audit;

create or replace function public.site_keyword_text(name text, kana text, description text, category_id text)
returns text
language sql
stable
set search_path = ''
as $$
  select concat_ws(E'\n',
    public.normalize_search_text(site_keyword_text.name), public.normalize_search_text(site_keyword_text.kana),
    public.normalize_search_text(site_keyword_text.description), c.keyword_text)
  from (select 1) one
  left join public.categories c on c.id = site_keyword_text.category_id
$$;
comment on function public.site_keyword_text(text, text, text, text) is 'A site''s keyword text as the app builds it (src/domain/search/keyword-text.ts): normalized name, kana, description, then the category''s keyword_text; one part per line.';

create or replace function public.sites_before_write()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  norm_name text;
  norm_kana text;
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
  norm_name := public.normalize_search_text(new.name);
  norm_kana := public.normalize_search_text(new.kana);
  -- = site_keyword_text(name, kana, description, category_id) and site_sort_key(name, kana)
  new.search_text := concat_ws(E'\n', norm_name, norm_kana, public.normalize_search_text(new.description),
    (select c.keyword_text from public.categories c where c.id = new.category_id));
  new.sort_key := coalesce(nullif(norm_kana, ''), norm_name, '');
  if tg_op = 'UPDATE' then
    new.updated_at := now();
    new.updated_by := auth.uid();
  end if;
  return new;
end
$$;
comment on function public.sites_before_write() is 'Trigger: validates term and area ids and the contact desk, keeps search_text (site_keyword_text, with the category''s stored keyword_text), sort_key and updated_at/by.';
