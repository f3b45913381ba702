-- Import in one transaction (issue 4, items 10–11): `npm run import -- <file>` (and later the import
-- screen) sends the whole plan of src/domain/import/plan.ts in one call, so a failure half-way
-- changes nothing. Ids come from the rows' stable keys, so importing the same file again updates
-- the listings it created instead of adding copies.
--
-- import_listings(plan) with plan = { organizations: [item], sites: [item], menus: [item] } and
--   item = { op: 'create' | 'update', record: {…}, base_updated_at?: timestamptz }
-- Records are the listing records of 20261128090000 (snake_case, lng/lat); organizations
-- { id, name, kana, kind, corporate_number } (trusted is never set by an import). A create whose id
-- exists, or an update whose listing changed since base_updated_at (required for sites and menus),
-- is a conflict (PT409): the preview is stale. Any error names the item (e.g. sites[3] 「名前」) and
-- keeps its SQLSTATE. Security invoker: row-level security decides (the CLI uses the service role;
-- an admin may import too; a coordinator only into their own organizations, unpublished unless
-- trusted, as for direct writes).
--
-- listing_export() returns what the caller may read as records, for the importer's preview
-- (existing listings, duplicates) and for exports.

-- write_listing_record (security invoker: as the caller; as the owner inside the review RPCs) now
-- refuses when row-level security leaves the row unwritten, and the import may call it
create or replace function public.write_listing_record(kind text, rec jsonb, is_new boolean)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
begin
  if kind = 'site' then
    if is_new then
      insert into public.sites (id, organization_id, name, kana, category_id, fields, location, address, municipality_code,
        contact, access, accessibility, description, photo_url, status, visibility, confidential, public_contact_site_id,
        service_area_ids, last_verified)
      select r.id, r.organization_id, r.name, r.kana, r.category_id, r.fields,
        extensions.st_setsrid(extensions.st_makepoint(r.lng, r.lat), 4326)::extensions.geography,
        r.address, r.municipality_code, r.contact, r.access, r.accessibility, r.description, r.photo_url, r.status,
        r.visibility, r.confidential, r.public_contact_site_id, r.service_area_ids, r.last_verified
      from jsonb_to_record(rec) as r(id text, organization_id text, name text, kana text, category_id text, fields text[],
        lng double precision, lat double precision, address text, municipality_code text, contact jsonb, access text,
        accessibility text[], description text, photo_url text, status text, visibility text, confidential boolean,
        public_contact_site_id text, service_area_ids text[], last_verified date);
    else
      update public.sites s set
        organization_id = r.organization_id, name = r.name, kana = r.kana, category_id = r.category_id, fields = r.fields,
        location = extensions.st_setsrid(extensions.st_makepoint(r.lng, r.lat), 4326)::extensions.geography,
        address = r.address, municipality_code = r.municipality_code, contact = r.contact, access = r.access,
        accessibility = r.accessibility, description = r.description, photo_url = r.photo_url, status = r.status,
        visibility = r.visibility, confidential = r.confidential, public_contact_site_id = r.public_contact_site_id,
        service_area_ids = r.service_area_ids, last_verified = r.last_verified
      from jsonb_to_record(rec) as r(id text, organization_id text, name text, kana text, category_id text, fields text[],
        lng double precision, lat double precision, address text, municipality_code text, contact jsonb, access text,
        accessibility text[], description text, photo_url text, status text, visibility text, confidential boolean,
        public_contact_site_id text, service_area_ids text[], last_verified date)
      where s.id = r.id;
    end if;
  else
    if is_new then
      insert into public.menus (id, site_id, organization_id, title, description, needs, targets, age_min, age_max, schedule,
        cost_kind, cost_amount_yen, cost_note, capacity, availability, ease, languages, service_area_ids, visibility, status,
        last_verified)
      select r.id, r.site_id, r.organization_id, r.title, r.description, r.needs, r.targets, r.age_min, r.age_max, r.schedule,
        r.cost_kind, r.cost_amount_yen, r.cost_note, r.capacity, r.availability, r.ease, r.languages, r.service_area_ids,
        r.visibility, r.status, r.last_verified
      from jsonb_to_record(rec) as r(id text, site_id text, organization_id text, title text, description text, needs text[],
        targets text[], age_min integer, age_max integer, schedule jsonb, cost_kind text, cost_amount_yen integer,
        cost_note text, capacity integer, availability text, ease text[], languages text[], service_area_ids text[],
        visibility text, status text, last_verified date);
    else
      update public.menus m set
        site_id = r.site_id, organization_id = r.organization_id, title = r.title, description = r.description,
        needs = r.needs, targets = r.targets, age_min = r.age_min, age_max = r.age_max, schedule = r.schedule,
        cost_kind = r.cost_kind, cost_amount_yen = r.cost_amount_yen, cost_note = r.cost_note, capacity = r.capacity,
        availability = r.availability, ease = r.ease, languages = r.languages, service_area_ids = r.service_area_ids,
        visibility = r.visibility, status = r.status, last_verified = r.last_verified
      from jsonb_to_record(rec) as r(id text, site_id text, organization_id text, title text, description text, needs text[],
        targets text[], age_min integer, age_max integer, schedule jsonb, cost_kind text, cost_amount_yen integer,
        cost_note text, capacity integer, availability text, ease text[], languages text[], service_area_ids text[],
        visibility text, status text, last_verified date)
      where m.id = r.id;
    end if;
  end if;
  if not found then
    raise exception '書き込めませんでした（権限がないか、行が見えません）。' using errcode = '42501';
  end if;
end
$$;
comment on function public.write_listing_record(text, jsonb, boolean) is 'Inserts or updates a sites/menus row from a full record as the caller (security invoker: row-level security, constraints and triggers apply); 42501 when no row was written.';
revoke execute on function public.write_listing_record(text, jsonb, boolean) from public, anon;
grant execute on function public.write_listing_record(text, jsonb, boolean) to authenticated, service_role;

create function public.import_listings(plan jsonb)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  section text;
  item jsonb;
  pos integer;
  rec jsonb;
  current_record jsonb;
  kind text;
  label text;
  created jsonb := '{"organizations": 0, "sites": 0, "menus": 0}';
  updated jsonb := '{"organizations": 0, "sites": 0, "menus": 0}';
  state text;
  msg text;
  detail text;
  hint text;
begin
  if plan is null or jsonb_typeof(plan) <> 'object'
     or exists (select 1 from jsonb_object_keys(plan) k where k not in ('organizations', 'sites', 'menus'))
     or exists (select 1 from jsonb_each(plan) e where jsonb_typeof(e.value) <> 'array') then
    raise exception '取り込みの計画は { organizations: [], sites: [], menus: [] } の形で渡してください。' using errcode = '22023';
  end if;
  begin
    foreach section in array array['organizations', 'sites', 'menus'] loop
      kind := case section when 'sites' then 'site' when 'menus' then 'menu' end;
      -- a confidential site names a public desk as its contact: those first
      for item, pos in
        select e.value, e.ordinality - 1
        from jsonb_array_elements(coalesce(plan -> section, '[]')) with ordinality e
        order by case when section = 'sites' and (e.value #>> '{record,confidential}')::boolean then 1 else 0 end, e.ordinality
      loop
        rec := item -> 'record';
        label := format('%s[%s]「%s」(%s)', section, pos, coalesce(rec ->> 'name', rec ->> 'title', ''), coalesce(rec ->> 'id', 'id なし'));
        if jsonb_typeof(rec) is distinct from 'object' or rec ->> 'id' is null or item ->> 'op' not in ('create', 'update') then
          raise exception '%: op (create / update) と id のある record が必要です。', label using errcode = '22023';
        end if;
        if section = 'organizations' then
          if item ->> 'op' = 'create' then
            if exists (select 1 from public.organizations o where o.id = rec ->> 'id') then
              raise sqlstate 'PT409' using message = format('競合: %s はプレビューの後に追加されました。もう一度プレビューしてから取り込んでください。', label);
            end if;
            insert into public.organizations (id, name, kana, kind, corporate_number)
            select r.id, r.name, r.kana, r.kind, r.corporate_number
            from jsonb_to_record(rec) as r(id text, name text, kana text, kind text, corporate_number text);
          else
            update public.organizations o set name = r.name, kana = r.kana, kind = r.kind, corporate_number = r.corporate_number
            from jsonb_to_record(rec) as r(id text, name text, kana text, kind text, corporate_number text)
            where o.id = r.id;
            if not found then
              raise sqlstate 'PT409' using message = format('競合: %s がありません（プレビューの後に削除されたか、変更できません）。', label);
            end if;
          end if;
        else
          current_record := public.listing_record(kind, rec ->> 'id');
          if item ->> 'op' = 'create' then
            if current_record is not null then
              raise sqlstate 'PT409' using message = format('競合: %s はプレビューの後に追加されました。もう一度プレビューしてから取り込んでください。', label);
            end if;
          elsif current_record is null then
            raise sqlstate 'PT409' using message = format('競合: %s がありません（プレビューの後に削除されたか、読めません）。', label);
          elsif item ->> 'base_updated_at' is null
             or (current_record ->> 'updated_at')::timestamptz <> (item ->> 'base_updated_at')::timestamptz then
            raise sqlstate 'PT409' using
              message = format('競合: %s はプレビューの後に変更されました（%s）。もう一度プレビューしてから取り込んでください。', label, current_record ->> 'updated_at'),
              detail = current_record::text;
          end if;
          rec := public.listing_merge(kind, current_record, rec);
          if rec ->> 'last_verified' is null then
            rec := rec || jsonb_build_object('last_verified', public.today_in_japan());
          end if;
          perform public.write_listing_record(kind, rec, current_record is null);
        end if;
        if item ->> 'op' = 'create' then
          created := jsonb_set(created, array[section], to_jsonb((created ->> section)::int + 1));
        else
          updated := jsonb_set(updated, array[section], to_jsonb((updated ->> section)::int + 1));
        end if;
      end loop;
    end loop;
  exception when others then
    get stacked diagnostics state = returned_sqlstate, msg = message_text, detail = pg_exception_detail, hint = pg_exception_hint;
    if msg not like '%' || label || '%' then
      msg := label || ': ' || msg;
    end if;
    raise exception using errcode = state, message = '取り込みを中止しました。何も変更していません。' || msg,
      detail = coalesce(detail, ''), hint = coalesce(nullif(hint, ''), 'ファイルを直すか、その行を取り込みから外してください。');
  end;
  return jsonb_build_object('created', created, 'updated', updated);
end
$$;
comment on function public.import_listings(jsonb) is 'Writes an import plan ({organizations, sites, menus}: [{op create|update, record, base_updated_at}]) in one transaction: all or nothing. PT409 when a listing was added or changed since the preview; other errors keep the table''s SQLSTATE and name the item. Security invoker (RLS decides; the CLI uses the service role). Returns {created, updated} counts.';
revoke execute on function public.import_listings(jsonb) from public, anon;
grant execute on function public.import_listings(jsonb) to authenticated, service_role;

create function public.listing_export()
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select jsonb_build_object(
    'organizations', coalesce((select jsonb_agg(jsonb_build_object('id', o.id, 'name', o.name, 'kana', o.kana, 'kind', o.kind,
        'corporate_number', o.corporate_number, 'trusted', o.trusted, 'updated_at', o.updated_at) order by o.id)
      from public.organizations o), '[]'),
    'sites', coalesce((select jsonb_agg(public.listing_record_from_row('site', to_jsonb(s)) order by s.id) from public.sites s), '[]'),
    'menus', coalesce((select jsonb_agg(public.listing_record_from_row('menu', to_jsonb(m)) order by m.id) from public.menus m), '[]')
  )
$$;
comment on function public.listing_export() is 'Every organization, site and menu the caller may read (row-level security), as listing records: for the importer''s preview and for exports.';
revoke execute on function public.listing_export() from public, anon;
grant execute on function public.listing_export() to authenticated, service_role;
