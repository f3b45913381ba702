-- import_listings in a few statements instead of one per row: the row-by-row version took 54 s for
-- the 2,000-site demo town (4,769 menus), mostly in the statement-level grid triggers of sites
-- (site_grid, site_cells), which ran once per inserted row. Now the conflict checks are set-based,
-- and each section's creates and updates are one INSERT and one UPDATE. Same contract: all or
-- nothing, PT409 for a create whose id exists or an update whose listing changed since
-- base_updated_at, and an error names the item: when a bulk statement fails, the rows are tried
-- one by one (the failed statement already rolled back) to find the first that fails, and its error
-- is raised with its label.

-- every record of `recs` (a json array of full records) written in one statement, as the caller
create function public.write_listing_records(kind text, recs jsonb, is_new boolean)
returns integer
language plpgsql
security invoker
set search_path = ''
as $$
declare
  n integer;
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
      from jsonb_to_recordset(recs) as r(id text, organization_id text, name text, kana text, category_id text, fields text[],
        lng double precision, lat double precision, address text, municipality_code text, contact jsonb, access text,
        accessibility text[], description text, photo_url text, status text, visibility text, confidential boolean,
        public_contact_site_id text, service_area_ids text[], last_verified date)
      order by coalesce(r.confidential, false); -- confidential sites name a public desk: desks first
    else
      update public.sites s set
        organization_id = r.organization_id, name = r.name, kana = r.kana, category_id = r.category_id, fields = r.fields,
        location = extensions.st_setsrid(extensions.st_makepoint(r.lng, r.lat), 4326)::extensions.geography,
        address = r.address, municipality_code = r.municipality_code, contact = r.contact, access = r.access,
        accessibility = r.accessibility, description = r.description, photo_url = r.photo_url, status = r.status,
        visibility = r.visibility, confidential = r.confidential, public_contact_site_id = r.public_contact_site_id,
        service_area_ids = r.service_area_ids, last_verified = r.last_verified
      from jsonb_to_recordset(recs) as r(id text, organization_id text, name text, kana text, category_id text, fields text[],
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
      from jsonb_to_recordset(recs) as r(id text, site_id text, organization_id text, title text, description text, needs text[],
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
      from jsonb_to_recordset(recs) as r(id text, site_id text, organization_id text, title text, description text, needs text[],
        targets text[], age_min integer, age_max integer, schedule jsonb, cost_kind text, cost_amount_yen integer,
        cost_note text, capacity integer, availability text, ease text[], languages text[], service_area_ids text[],
        visibility text, status text, last_verified date)
      where m.id = r.id;
    end if;
  end if;
  get diagnostics n = row_count;
  if n <> jsonb_array_length(recs) then
    raise exception '書き込めない行がありました（権限がないか、行が見えません）。' using errcode = '42501';
  end if;
  return n;
end
$$;
comment on function public.write_listing_records(text, jsonb, boolean) is 'Inserts or updates sites/menus rows from a json array of full records in one statement, as the caller (row-level security, constraints and triggers apply); 42501 unless every record was written.';
revoke execute on function public.write_listing_records(text, jsonb, boolean) from public, anon;
grant execute on function public.write_listing_records(text, jsonb, boolean) to authenticated, service_role;

create or replace function public.import_listings(plan jsonb)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  section text;
  kind text;
  bad record;
  item record;
  label text;
  creates jsonb;
  updates jsonb;
  created jsonb := '{"organizations": 0, "sites": 0, "menus": 0}';
  updated jsonb := '{"organizations": 0, "sites": 0, "menus": 0}';
  state text;
  msg text;
  detail text;
  hint text;
  today date := public.today_in_japan();
begin
  if plan is null or jsonb_typeof(plan) <> 'object'
     or exists (select 1 from jsonb_object_keys(plan) k where k not in ('organizations', 'sites', 'menus'))
     or exists (select 1 from jsonb_each(plan) e where jsonb_typeof(e.value) <> 'array') then
    raise exception '取り込みの計画は { organizations: [], sites: [], menus: [] } の形で渡してください。' using errcode = '22023';
  end if;
  begin
    foreach section in array array['organizations', 'sites', 'menus'] loop
      kind := case section when 'sites' then 'site' when 'menus' then 'menu' end;
      if to_regclass('pg_temp.import_items') is null then
        create temporary table import_items (
          pos integer, op text, id text, rec jsonb, base timestamptz, label text, current_record jsonb
        ) on commit drop;
      end if;
      truncate pg_temp.import_items;
      insert into pg_temp.import_items (pos, op, id, rec, base, label)
      select (e.ordinality - 1)::integer, e.value ->> 'op', e.value #>> '{record,id}', e.value -> 'record',
        (e.value ->> 'base_updated_at')::timestamptz,
        format('%s[%s]「%s」(%s)', section, e.ordinality - 1,
          coalesce(e.value #>> '{record,name}', e.value #>> '{record,title}', ''), coalesce(e.value #>> '{record,id}', 'id なし'))
      from jsonb_array_elements(coalesce(plan -> section, '[]')) with ordinality e;

      -- shape: op and a record with an id, each id once
      select i.label into bad from pg_temp.import_items i
      where jsonb_typeof(i.rec) is distinct from 'object' or i.id is null or i.op is null or i.op not in ('create', 'update')
      order by i.pos limit 1;
      if found then
        label := bad.label;
        raise exception '%: op (create / update) と id のある record が必要です。', bad.label using errcode = '22023';
      end if;
      select i.label into bad from pg_temp.import_items i
      where exists (select 1 from pg_temp.import_items j where j.id = i.id and j.pos < i.pos)
      order by i.pos limit 1;
      if found then
        label := bad.label;
        raise exception '%: 同じ id が計画に2回あります。', bad.label using errcode = '22023';
      end if;

      if section = 'organizations' then
        for item in select * from pg_temp.import_items i order by i.pos loop
          label := item.label;
          if item.op = 'create' then
            if exists (select 1 from public.organizations o where o.id = item.id) then
              raise sqlstate 'PT409' using message = format('競合: %s はプレビューの後に追加されました。もう一度プレビューしてから取り込んでください。', item.label);
            end if;
            insert into public.organizations (id, name, kana, kind, corporate_number)
            select r.id, r.name, r.kana, r.kind, r.corporate_number
            from jsonb_to_record(item.rec) as r(id text, name text, kana text, kind text, corporate_number text);
          else
            update public.organizations o set name = r.name, kana = r.kana, kind = r.kind, corporate_number = r.corporate_number
            from jsonb_to_record(item.rec) as r(id text, name text, kana text, kind text, corporate_number text)
            where o.id = r.id;
            if not found then
              raise sqlstate 'PT409' using message = format('競合: %s がありません（プレビューの後に削除されたか、変更できません）。', item.label);
            end if;
          end if;
        end loop;
      else
        -- the current versions the caller may read (row-level security), locked
        if kind = 'site' then
          perform 1 from public.sites s where s.id in (select i.id from pg_temp.import_items i) for update;
          update pg_temp.import_items i set current_record = public.listing_record_from_row('site', to_jsonb(s))
          from public.sites s where s.id = i.id;
        else
          perform 1 from public.menus m where m.id in (select i.id from pg_temp.import_items i) for update;
          update pg_temp.import_items i set current_record = public.listing_record_from_row('menu', to_jsonb(m))
          from public.menus m where m.id = i.id;
        end if;
        select i.label, i.current_record into bad from pg_temp.import_items i
        where i.op = 'create' and i.current_record is not null order by i.pos limit 1;
        if found then
          label := bad.label;
          raise sqlstate 'PT409' using message = format('競合: %s はプレビューの後に追加されました。もう一度プレビューしてから取り込んでください。', bad.label);
        end if;
        select i.label, i.current_record into bad from pg_temp.import_items i
        where i.op = 'update' and (i.current_record is null or i.base is null or (i.current_record ->> 'updated_at')::timestamptz <> i.base)
        order by i.pos limit 1;
        if found then
          label := bad.label;
          if bad.current_record is null then
            raise sqlstate 'PT409' using message = format('競合: %s がありません（プレビューの後に削除されたか、読めません）。', bad.label);
          end if;
          raise sqlstate 'PT409' using
            message = format('競合: %s はプレビューの後に変更されました（%s）。もう一度プレビューしてから取り込んでください。', bad.label, bad.current_record ->> 'updated_at'),
            detail = bad.current_record::text;
        end if;
        -- full records: the current version (or the defaults) with the file's keys on top
        update pg_temp.import_items i set rec = m.merged || case when m.merged ->> 'last_verified' is null then jsonb_build_object('last_verified', today) else '{}'::jsonb end
        from (select j.pos, public.listing_merge(kind, j.current_record, j.rec) as merged from pg_temp.import_items j) m
        where m.pos = i.pos;
        select coalesce(jsonb_agg(i.rec order by i.pos), '[]') into creates from pg_temp.import_items i where i.op = 'create';
        select coalesce(jsonb_agg(i.rec order by i.pos), '[]') into updates from pg_temp.import_items i where i.op = 'update';
        label := null;
        begin
          if jsonb_array_length(creates) > 0 then
            perform public.write_listing_records(kind, creates, true);
          end if;
          if jsonb_array_length(updates) > 0 then
            perform public.write_listing_records(kind, updates, false);
          end if;
        exception when others then
          -- which row: try them one by one (what the failed statements did is already undone)
          get stacked diagnostics state = returned_sqlstate, msg = message_text, detail = pg_exception_detail, hint = pg_exception_hint;
          for item in select * from pg_temp.import_items i
                      order by i.op, case when kind = 'site' and (i.rec ->> 'confidential')::boolean then 1 else 0 end, i.pos loop
            label := item.label;
            perform public.write_listing_records(kind, jsonb_build_array(item.rec), item.op = 'create');
          end loop;
          label := null;
          raise exception using errcode = state, message = msg, detail = coalesce(detail, ''), hint = coalesce(hint, '');
        end;
      end if;
      created := jsonb_set(created, array[section], to_jsonb((select count(*) from pg_temp.import_items i where i.op = 'create')));
      updated := jsonb_set(updated, array[section], to_jsonb((select count(*) from pg_temp.import_items i where i.op = 'update')));
    end loop;
  exception when others then
    get stacked diagnostics state = returned_sqlstate, msg = message_text, detail = pg_exception_detail, hint = pg_exception_hint;
    if label is not null and msg not like '%' || label || '%' then
      msg := label || ': ' || msg;
    end if;
    raise exception using errcode = state, message = '取り込みを中止しました。何も変更していません。' || msg,
      detail = coalesce(detail, ''), hint = coalesce(nullif(hint, ''), 'ファイルを直すか、その行を取り込みから外してください。');
  end;
  drop table if exists pg_temp.import_items; -- a later call in the same transaction may run as another role
  return jsonb_build_object('created', created, 'updated', updated);
end
$$;
comment on function public.import_listings(jsonb) is 'Writes an import plan ({organizations, sites, menus}: [{op create|update, record, base_updated_at}]) in one transaction, one INSERT and one UPDATE per section: all or nothing. PT409 when a listing was added or changed since the preview; other errors keep the table''s SQLSTATE and name the item. Security invoker (RLS decides; the CLI uses the service role). Returns {created, updated} counts.';
