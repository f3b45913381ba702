-- The only way to case data: security definer RPCs that check the caller's team and write the
-- audit log. anon and authenticated hold no privilege on the case tables (20261129090100), so
-- these functions are also the only readers: every read is logged here, every write by the
-- record_audit() trigger (and, for the RPCs that read back what they wrote, nothing more).
--
-- Who: staff of the owning team and admins. Anyone else (visitors cannot even execute them;
-- coordinators, signed-in accounts without a profile, staff of another team) gets 42501 with a
-- Japanese message. A case that does not exist and a case of another team give the same error,
-- so a caller learns nothing about other teams' cases.
--
-- Shapes: the case RPCs speak the camelCase shapes of the case port (src/data/case-port.ts:
-- CaseRecord, Referral, FollowUp, TimelineEntry, ShortlistItem, UnmetNeedRecord, AuditEntry), one
-- RPC per port method, each read logged with the port's entity name:
--   list_cases() → [CaseRecord]                 get_case(case_id) → CaseRecord | null
--   create_case(c) → CaseRecord                 update_case(case_id, c) → CaseRecord    delete_case(case_id)
--   case_referrals(case_id) → [Referral]        create_referral(case_id, member_id, menu_id, next_follow_up) → Referral
--   update_referral(referral_id, status, reason_code, next_follow_up) → Referral
--   follow_ups_due(until_date) → [FollowUp]     今週の伴走予定
--   add_case_note(case_id, body, member_id?, referral_id?) → TimelineEntry
--   case_timeline(case_id) → [TimelineEntry]
--   case_shortlist(case_id) → [ShortlistItem]   set_shortlisted(case_id, member_id, menu_id, shortlisted)
--   record_unmet_needs(case_id, records) → [UnmetNeedRecord]    case_unmet_needs(case_id) → [UnmetNeedRecord]
--   case_audit(case_id?, max_rows) → [AuditEntry]
-- (unmet_needs_summary is in 20261129090300, matching_candidates in 20261129090400.)

-- who may work with cases ---------------------------------------------------------------------------
create function public.assert_case_worker()
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if not ((select public.is_staff()) or (select public.is_admin())) then
    raise exception 'ケースを扱えるのは参加支援の職員と管理者だけです'
      using errcode = '42501', hint = 'sign in as staff of the case''s team or as an admin';
  end if;
end
$$;
comment on function public.assert_case_worker() is 'Raises 42501 unless the caller is staff or an admin.';

-- the case, if the caller may touch it (else 42501, the same for a missing case)
create function public.accessible_case(case_id text)
returns public.cases
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  c public.cases;
begin
  perform public.assert_case_worker();
  select * into c from public.cases k where k.id = accessible_case.case_id;
  if c.id is null or not public.can_access_team(c.team_id) then
    raise exception 'ケースが見つからないか、このケースを扱う権限がありません'
      using errcode = '42501', hint = 'cases are open to their own team and to admins only';
  end if;
  return c;
end
$$;
comment on function public.accessible_case(text) is 'The case row when the caller may read and write it (its team''s staff, admins); 42501 otherwise, also for an unknown id.';

-- domain shapes ---------------------------------------------------------------------------------------
create function public.case_json(c public.cases)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id', c.id,
    'code', c.code,
    'teamId', c.team_id,
    'status', c.status,
    'home', case
      when c.home_point is null then jsonb_build_object('kind', 'area', 'areaId', c.home_area_id)
      else jsonb_build_object('kind', 'point',
             'point', jsonb_build_array(extensions.st_x(c.home_point::extensions.geometry), extensions.st_y(c.home_point::extensions.geometry)))
           || case when c.home_area_id is null then '{}'::jsonb else jsonb_build_object('areaId', c.home_area_id) end
    end,
    'constraints', c.constraints,
    'members', coalesce((
      select jsonb_agg(
        jsonb_build_object('id', m.member_id, 'relationship', m.relationship, 'ageBand', m.age_band,
                           'targets', to_jsonb(m.targets), 'needs', to_jsonb(m.needs))
        || case when m.overrides = '{}'::jsonb then '{}'::jsonb else jsonb_build_object('overrides', m.overrides) end
        order by m.position)
      from public.case_members m where m.case_id = c.id), '[]'::jsonb),
    'openedOn', c.opened_on,
    'createdAt', c.created_at,
    'updatedAt', c.updated_at
  )
$$;
comment on function public.case_json(public.cases) is 'A case in the domain shape (Case of src/domain/case/model.ts plus id, createdAt, updatedAt).';

create function public.referral_json(r public.referrals)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id', r.id, 'caseId', r.case_id, 'teamId', r.team_id, 'memberId', r.member_id, 'menuId', r.menu_id, 'siteId', r.site_id,
    'menuTitle', r.menu_title, 'siteName', r.site_name, 'status', r.status, 'reason', r.reason_code, 'nextFollowUp', r.next_follow_up,
    'history', coalesce((
      select jsonb_agg(jsonb_build_object('at', e.at, 'by', coalesce(e.by::text, ''), 'status', e.to_status, 'reason', e.reason_code,
                                          'nextFollowUp', e.next_follow_up) order by e.at, e.id)
      from public.referral_events e where e.referral_id = r.id), '[]'::jsonb),
    'createdAt', r.created_at, 'updatedAt', r.updated_at
  )
$$;
comment on function public.referral_json(public.referrals) is 'A referral with its history, the Referral of src/data/case-port.ts.';

create function public.case_note_json(n public.case_notes)
returns jsonb
language sql
immutable
set search_path = ''
as $$
  select jsonb_build_object('id', n.id, 'caseId', n.case_id, 'at', n.created_at, 'by', coalesce(n.created_by::text, ''), 'kind', 'note',
                            'memberId', n.member_id, 'text', n.body, 'referralId', n.referral_id, 'status', null)
$$;
comment on function public.case_note_json(public.case_notes) is 'A note as a timeline entry (TimelineEntry of kind note).';

create function public.unmet_need_json(u public.unmet_needs)
returns jsonb
language sql
immutable
set search_path = ''
as $$
  select jsonb_build_object('id', u.id, 'caseId', u.case_id, 'teamId', u.team_id, 'memberId', u.member_id, 'need', u.need,
                            'areaId', u.area_id, 'blockingConstraint', u.blocking_constraint, 'date', u.recorded_on,
                            'recordedAt', u.recorded_at, 'recordedBy', coalesce(u.recorded_by::text, ''))
$$;
comment on function public.unmet_need_json(public.unmet_needs) is 'An unmet need as stored (UnmetNeedRecord of src/data/case-port.ts).';

-- parsing the domain shapes -----------------------------------------------------------------------------
create function public.assert_known_keys(o jsonb, allowed text[], what text)
returns void
language plpgsql
immutable
set search_path = ''
as $$
declare
  k text;
begin
  if o is null or jsonb_typeof(o) <> 'object' then
    perform public.raise_invalid_argument(format('%s は JSON オブジェクトで指定してください', what), null);
  end if;
  for k in select jsonb_object_keys(o) loop
    if not k = any (allowed) then
      perform public.raise_invalid_argument(format('%s に不明な項目「%s」があります', what, k), format('known keys: %s', array_to_string(allowed, ', ')));
    end if;
  end loop;
end
$$;
comment on function public.assert_known_keys(jsonb, text[], text) is 'Raises 22023 unless o is an object whose keys are all allowed.';

create function public.text_array(v jsonb, what text)
returns text[]
language plpgsql
immutable
set search_path = ''
as $$
begin
  if v is null or v = 'null'::jsonb then
    return '{}';
  end if;
  if jsonb_typeof(v) <> 'array' or exists (select 1 from jsonb_array_elements(v) e where jsonb_typeof(e) <> 'string') then
    perform public.raise_invalid_argument(format('%s は id の一覧で指定してください', what), null);
  end if;
  return array(select jsonb_array_elements_text(v));
end
$$;
comment on function public.text_array(jsonb, text) is 'A jsonb list of strings as text[] (22023 otherwise).';

create function public.parse_case_home(home jsonb, out area_id text, out point extensions.geography)
language plpgsql
immutable
set search_path = ''
as $$
declare
  lng double precision;
  lat double precision;
begin
  perform public.assert_known_keys(home, array['kind', 'areaId', 'point'], '自宅（home）');
  if home ->> 'areaId' is not null and jsonb_typeof(home -> 'areaId') <> 'string' then
    perform public.raise_invalid_argument('home.areaId は圏域の id（文字列）です', null);
  end if;
  area_id := home ->> 'areaId';
  case home ->> 'kind'
    when 'area' then
      if area_id is null or home ? 'point' then
        perform public.raise_invalid_argument('圏域で指定する自宅には areaId だけを指定してください', '{"kind": "area", "areaId": "..."}');
      end if;
    when 'point' then
      if jsonb_typeof(home -> 'point') is distinct from 'array' or jsonb_array_length(home -> 'point') <> 2
         or exists (select 1 from jsonb_array_elements(home -> 'point') e where jsonb_typeof(e) <> 'number') then
        perform public.raise_invalid_argument('自宅の位置は [経度, 緯度] の数値で指定してください', '{"kind": "point", "point": [139.004, 36.322]}');
      end if;
      lng := (home -> 'point' ->> 0)::double precision;
      lat := (home -> 'point' ->> 1)::double precision;
      point := extensions.st_setsrid(extensions.st_makepoint(lng, lat), 4326)::extensions.geography;
      if not public.is_coarse_point(point) then
        perform public.raise_invalid_argument('自宅の位置は約100m単位（0.001度）に丸めてから保存してください',
          'round with coarsenPoint (src/domain/case/model.ts): a finer point would be an address');
      end if;
    else
      perform public.raise_invalid_argument('home.kind は "area" か "point" です', null);
  end case;
end
$$;
comment on function public.parse_case_home(jsonb) is 'The home of a case (domain Home) as an area id and a point; 22023 for a point off the ~100 m grid.';

-- members: replaced as given (ids kept: referrals and the shortlist refer to them)
create function public.write_case_members(case_id text, team_id text, members jsonb)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  m jsonb;
  i integer;
  ids text[];
  referred text;
begin
  if jsonb_typeof(members) is distinct from 'array' or jsonb_array_length(members) not between 1 and 12 then
    perform public.raise_invalid_argument('世帯員（members）は1〜12人の一覧で指定してください', null);
  end if;
  select array_agg(e ->> 'id') into ids from jsonb_array_elements(members) e;
  if array_position(ids, null) is not null or (select count(distinct x) from unnest(ids) x) <> cardinality(ids) then
    perform public.raise_invalid_argument('世帯員の番号（id）が空か重複しています', 'give each member a distinct id such as m1, m2');
  end if;
  select r.member_id into referred from public.referrals r
  where r.case_id = write_case_members.case_id and not r.member_id = any (ids) limit 1;
  if referred is not null then
    raise exception '世帯員「%」にはつなぎの記録があるため、外せません', referred
      using errcode = '23503', hint = 'keep the member; end their referrals instead';
  end if;
  delete from public.case_members cm where cm.case_id = write_case_members.case_id and not cm.member_id = any (ids);
  for m, i in select e, (o - 1)::integer from jsonb_array_elements(members) with ordinality as t(e, o) loop
    perform public.assert_known_keys(m, array['id', 'relationship', 'ageBand', 'targets', 'needs', 'overrides'], '世帯員');
    if m ? 'overrides' and public.case_constraints_problem(m -> 'overrides', true) is not null then
      perform public.raise_invalid_argument(format('世帯員「%s」の条件: %s', m ->> 'id', public.case_constraints_problem(m -> 'overrides', true)), null);
    end if;
    insert into public.case_members as cm (case_id, team_id, member_id, position, relationship, age_band, targets, needs, overrides)
    values (write_case_members.case_id, write_case_members.team_id, m ->> 'id', i, m ->> 'relationship', m ->> 'ageBand',
            public.text_array(m -> 'targets', '対象（targets）'), public.text_array(m -> 'needs', 'ニーズ（needs）'),
            coalesce(nullif(m -> 'overrides', 'null'::jsonb), '{}'::jsonb))
    on conflict on constraint case_members_pkey do update
      set position = excluded.position, relationship = excluded.relationship, age_band = excluded.age_band,
          targets = excluded.targets, needs = excluded.needs, overrides = excluded.overrides
      where (cm.position, cm.relationship, cm.age_band, cm.targets, cm.needs, cm.overrides)
            is distinct from (excluded.position, excluded.relationship, excluded.age_band, excluded.targets, excluded.needs, excluded.overrides);
  end loop;
end
$$;
comment on function public.write_case_members(text, text, jsonb) is 'Replaces the members of a case with the given list (domain Member shapes), keeping ids; a member with referrals cannot be removed (23503).';

-- writes ------------------------------------------------------------------------------------------------
create function public.create_case(c jsonb)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  team text;
  home record;
  problem text;
  saved public.cases;
begin
  perform public.assert_case_worker();
  perform public.assert_known_keys(c, array['teamId', 'status', 'home', 'constraints', 'members', 'openedOn'], 'ケース');
  team := coalesce(c ->> 'teamId', (select public.my_team_id()));
  if team is null then
    perform public.raise_invalid_argument('ケースを持つチーム（teamId）を指定してください', 'admins belong to no team');
  end if;
  if not public.can_access_team(team) then
    raise exception '他のチームのケースは作成できません' using errcode = '42501', hint = 'staff create cases for their own team';
  end if;
  problem := public.case_constraints_problem(c -> 'constraints');
  if problem is not null then
    perform public.raise_invalid_argument(problem, null);
  end if;
  home := public.parse_case_home(c -> 'home');
  insert into public.cases (team_id, status, home_area_id, home_point, constraints, opened_on)
  values (team, coalesce(c ->> 'status', 'active'), home.area_id, home.point, c -> 'constraints',
          coalesce((c ->> 'openedOn')::date, (now() at time zone 'Asia/Tokyo')::date))
  returning * into saved;
  perform public.write_case_members(saved.id, team, c -> 'members');
  return public.case_json(saved);
end
$$;
comment on function public.create_case(jsonb) is 'Creates a case (NewCase: home, constraints, members; optionally teamId (admins: required), status, openedOn (default: today in Japan)) and returns it with its new code. Staff of the team and admins; the write is audited by trigger.';

create function public.update_case(case_id text, c jsonb)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  prev public.cases := public.accessible_case(case_id);
  team text;
  home record;
  problem text;
  saved public.cases;
begin
  perform public.assert_known_keys(c, array['id', 'code', 'teamId', 'status', 'home', 'constraints', 'members', 'openedOn', 'createdAt', 'updatedAt'], 'ケース');
  if c ? 'code' and c ->> 'code' is distinct from prev.code then
    perform public.raise_invalid_argument('ケース番号は変更できません', null);
  end if;
  team := coalesce(c ->> 'teamId', prev.team_id);
  if team <> prev.team_id and not (select public.is_admin()) then
    raise exception 'ケースを別のチームに移せるのは管理者だけです' using errcode = '42501';
  end if;
  if c ? 'constraints' then
    problem := public.case_constraints_problem(c -> 'constraints');
    if problem is not null then
      perform public.raise_invalid_argument(problem, null);
    end if;
  end if;
  if c ? 'home' then
    home := public.parse_case_home(c -> 'home');
  else
    select prev.home_area_id as area_id, prev.home_point as point into home;
  end if;
  update public.cases k
     set team_id = team, status = coalesce(c ->> 'status', prev.status), home_area_id = home.area_id, home_point = home.point,
         constraints = coalesce(c -> 'constraints', prev.constraints), opened_on = coalesce((c ->> 'openedOn')::date, prev.opened_on),
         updated_at = now()
   where k.id = prev.id;
  if c ? 'members' then
    perform public.write_case_members(prev.id, team, c -> 'members');
  end if;
  select * into saved from public.cases k where k.id = prev.id;
  return public.case_json(saved);
end
$$;
comment on function public.update_case(text, jsonb) is 'Changes a case (CaseUpdate: any of home, constraints, members (replaced as given), status; admins also teamId). Audited by trigger.';

create function public.delete_case(case_id text)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  c public.cases := public.accessible_case(case_id);
begin
  delete from public.cases k where k.id = c.id; -- members, referrals, notes and shortlist go with it
end
$$;
comment on function public.delete_case(text) is 'Removes a case with its members, referrals, notes and shortlist (its unmet needs stay, without the case). Audited by trigger.';

create function public.set_shortlisted(case_id text, member_id text, menu_id text, shortlisted boolean default true)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  c public.cases := public.accessible_case(case_id);
begin
  if not exists (select 1 from public.case_members m where m.case_id = c.id and m.member_id = set_shortlisted.member_id) then
    perform public.raise_invalid_argument('この世帯員はケースにいません', null);
  end if;
  if shortlisted then
    if not exists (select 1 from public.menus m where m.id = set_shortlisted.menu_id and m.status = 'published') then
      perform public.raise_invalid_argument(format('公開中の活動「%s」が見つかりません', menu_id), null);
    end if;
    insert into public.shortlist_entries (case_id, team_id, member_id, menu_id)
    values (c.id, c.team_id, set_shortlisted.member_id, set_shortlisted.menu_id)
    on conflict do nothing;
  else
    delete from public.shortlist_entries s
    where s.case_id = c.id and s.member_id = set_shortlisted.member_id and s.menu_id = set_shortlisted.menu_id;
  end if;
end
$$;
comment on function public.set_shortlisted(text, text, text, boolean) is 'Adds a published menu to a member''s shortlist, or removes it (shortlisted = false). Audited by trigger.';

create function public.create_referral(case_id text, member_id text, menu_id text, next_follow_up date)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  c public.cases := public.accessible_case(case_id);
  m public.menus;
  site_name text;
  r public.referrals;
begin
  if not exists (select 1 from public.case_members x where x.case_id = c.id and x.member_id = create_referral.member_id) then
    perform public.raise_invalid_argument('この世帯員はケースにいません', null);
  end if;
  select * into m from public.menus x where x.id = create_referral.menu_id and x.status = 'published';
  if m.id is null then
    perform public.raise_invalid_argument(format('公開中の活動「%s」が見つかりません', menu_id), null);
  end if;
  select s.name into site_name from public.sites s where s.id = m.site_id;
  if exists (select 1 from public.referrals x where x.case_id = c.id and x.member_id = create_referral.member_id
             and x.menu_id = m.id and public.referral_is_active(x.status)) then
    raise exception 'この世帯員は、この活動にすでにつないでいます' using errcode = '23505';
  end if;
  insert into public.referrals (case_id, team_id, member_id, menu_id, site_id, menu_title, site_name, status, next_follow_up)
  values (c.id, c.team_id, create_referral.member_id, m.id, m.site_id, m.title, site_name, 'proposed', create_referral.next_follow_up)
  returning * into r;
  return public.referral_json(r);
end
$$;
comment on function public.create_referral(text, text, text, date) is 'Refers a member of a case to a published menu, at 提案 with its first follow-up date (required); keeps the menu''s title and site name. Audited by trigger; the history starts in referral_events.';

create function public.update_referral(referral_id text, status text, reason_code text default null, next_follow_up date default null)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  case_id text;
  r public.referrals;
begin
  perform public.assert_case_worker();
  select x.case_id into case_id from public.referrals x where x.id = update_referral.referral_id;
  if case_id is null then
    raise exception 'つなぎが見つかりません（削除されたか、見る権限がありません）' using errcode = '42501';
  end if;
  perform public.accessible_case(case_id);
  update public.referrals x
     set status = update_referral.status, reason_code = update_referral.reason_code, next_follow_up = update_referral.next_follow_up
   where x.id = update_referral.referral_id
  returning * into r;
  return public.referral_json(r);
end
$$;
comment on function public.update_referral(text, text, text, date) is 'Moves a referral (ReferralUpdate: status, reason code for the exits, next follow-up date while active; the same status to change only the date). Transitions are validated (23514, Japanese message); audited by trigger.';

create function public.add_case_note(case_id text, body text, member_id text default null, referral_id text default null)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  c public.cases := public.accessible_case(case_id);
  problem text := public.case_note_problem(body);
  n public.case_notes;
begin
  if problem is not null then
    perform public.raise_invalid_argument(problem, null);
  end if;
  if referral_id is not null and not exists (select 1 from public.referrals r where r.id = add_case_note.referral_id and r.case_id = c.id) then
    perform public.raise_invalid_argument('このケースのつなぎではありません', null);
  end if;
  if member_id is not null and not exists (select 1 from public.case_members m where m.case_id = c.id and m.member_id = add_case_note.member_id) then
    perform public.raise_invalid_argument('この世帯員はケースにいません', null);
  end if;
  insert into public.case_notes (case_id, team_id, referral_id, member_id, body)
  values (c.id, c.team_id, add_case_note.referral_id, add_case_note.member_id, btrim(add_case_note.body))
  returning * into n;
  return public.case_note_json(n);
end
$$;
comment on function public.add_case_note(text, text, text, text) is 'Adds a short note to a case (optionally about a member or a referral) and returns it as a timeline entry; phone numbers, postal codes and e-mail addresses are refused. Audited by trigger.';

create function public.record_unmet_needs(case_id text, records jsonb)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  c public.cases := public.accessible_case(case_id);
  x jsonb;
  u public.unmet_needs;
  stored jsonb := '[]';
begin
  if jsonb_typeof(records) is distinct from 'array' then
    perform public.raise_invalid_argument('未充足ニーズ（records）は一覧で指定してください', '[{ "memberId", "need", "areaId", "blockingConstraint", "date" }]');
  end if;
  for x in select e from jsonb_array_elements(records) e loop
    perform public.assert_known_keys(x, array['memberId', 'need', 'areaId', 'blockingConstraint', 'date'], '未充足ニーズ');
    if not exists (select 1 from public.case_members m where m.case_id = c.id and m.member_id = x ->> 'memberId') then
      perform public.raise_invalid_argument('この世帯員はケースにいません', null);
    end if;
    insert into public.unmet_needs as t (team_id, case_id, member_id, need, area_id, blocking_constraint, recorded_on)
    values (c.team_id, c.id, x ->> 'memberId', x ->> 'need', x ->> 'areaId', x ->> 'blockingConstraint',
            coalesce((x ->> 'date')::date, (now() at time zone 'Asia/Tokyo')::date))
    on conflict on constraint unmet_needs_once_per_member_and_need do update
      set area_id = excluded.area_id, blocking_constraint = excluded.blocking_constraint, recorded_on = excluded.recorded_on,
          recorded_at = now(), recorded_by = auth.uid()
    returning * into u;
    stored := stored || jsonb_build_array(public.unmet_need_json(u));
  end loop;
  return stored;
end
$$;
comment on function public.record_unmet_needs(text, jsonb) is 'Records unmet needs of a case (UnmetNeed shapes); the same member and need again replaces the area, blocking constraint and date. Returns what is stored (UnmetNeedRecord). Audited by trigger.';

-- reads (each one logged) --------------------------------------------------------------------------------
create function public.list_cases()
returns jsonb
language plpgsql
volatile -- it writes the audit log
security definer
set search_path = ''
as $$
declare
  result jsonb;
begin
  perform public.assert_case_worker();
  perform public.write_case_read('case_list', c.id, c.id, 'list_cases')
  from public.cases c where public.can_access_team(c.team_id);
  select coalesce(jsonb_agg(public.case_json(c) order by c.created_at desc, c.id), '[]'::jsonb) into result
  from public.cases c where public.can_access_team(c.team_id);
  return result;
end
$$;
comment on function public.list_cases() is 'The cases the caller may read (own team; admins all), newest first (CaseRecord[]); one audit_log read row per case listed.';

create function public.get_case(case_id text)
returns jsonb
language plpgsql
volatile -- it writes the audit log
security definer
set search_path = ''
as $$
declare
  c public.cases;
begin
  perform public.assert_case_worker();
  select * into c from public.cases k where k.id = get_case.case_id;
  if c.id is null or not public.can_access_team(c.team_id) then
    return null; -- unknown, or another team's: the same answer
  end if;
  perform public.write_case_read('case', c.id, c.id, 'get_case');
  return public.case_json(c);
end
$$;
comment on function public.get_case(text) is 'A case (CaseRecord), or null when it does not exist or belongs to another team; writes one audit_log read row. The owning team''s staff and admins only.';

create function public.case_referrals(case_id text)
returns jsonb
language plpgsql
volatile -- it writes the audit log
security definer
set search_path = ''
as $$
declare
  c public.cases := public.accessible_case(case_id);
begin
  perform public.write_case_read('referral', c.id, null, 'case_referrals');
  return coalesce((select jsonb_agg(public.referral_json(r) order by r.created_at desc, r.id) from public.referrals r where r.case_id = c.id), '[]'::jsonb);
end
$$;
comment on function public.case_referrals(text) is 'The referrals of a case with their history, newest first (Referral[]); logged.';

create function public.follow_ups_due(until_date date)
returns jsonb
language plpgsql
volatile -- it writes the audit log
security definer
set search_path = ''
as $$
declare
  result jsonb;
begin
  perform public.assert_case_worker();
  if until_date is null then
    perform public.raise_invalid_argument('until_date（この日までの予定）を指定してください', 'e.g. the end of this week');
  end if;
  perform public.write_case_read('follow_ups', r.case_id, r.id, 'follow_ups_due')
  from public.referrals r
  where public.can_access_team(r.team_id) and r.next_follow_up <= until_date;
  select coalesce(jsonb_agg(public.referral_json(r) || jsonb_build_object('caseCode', c.code) order by r.next_follow_up, c.code, r.id), '[]'::jsonb)
  into result
  from public.referrals r join public.cases c on c.id = r.case_id
  where public.can_access_team(r.team_id) and r.next_follow_up <= until_date;
  return result;
end
$$;
comment on function public.follow_ups_due(date) is '今週の伴走予定: active referrals of the caller''s team (admins: all) with a next follow-up on or before until_date (overdue included), soonest first (FollowUp[]); one audit_log read row per referral.';

create function public.case_timeline(case_id text)
returns jsonb
language plpgsql
volatile -- it writes the audit log
security definer
set search_path = ''
as $$
declare
  c public.cases := public.accessible_case(case_id);
  result jsonb;
begin
  perform public.write_case_read('timeline', c.id, null, 'case_timeline');
  with entries as (
    select 'case-' || c.id as id, c.created_at as at, coalesce(c.created_by::text, '') as by, 'case_opened' as kind,
           null::text as member_id, null::text as text, null::text as referral_id, null::text as status
    union all
    -- one entry per transaction that changed the case or its members after it was opened
    select 'audit-' || min(a.id), a.at, coalesce(min(a.actor::text), ''), 'case_updated', null, null, null, null
    from public.audit_log a
    where a.detail ->> 'case_id' = c.id and a.table_name in ('cases', 'case_members') and a.action in ('insert', 'update', 'delete')
      and a.at > c.created_at
    group by a.at
    union all
    select 'event-' || e.id, e.at, coalesce(e.by::text, ''), case when e.from_status is null then 'referral_created' else 'referral_status' end,
           r.member_id, r.menu_title, r.id, e.to_status
    from public.referral_events e join public.referrals r on r.id = e.referral_id
    where e.case_id = c.id
    union all
    select n.id, n.created_at, coalesce(n.created_by::text, ''), 'note', n.member_id, n.body, n.referral_id, null
    from public.case_notes n where n.case_id = c.id
    union all
    select 'unmet-' || u.id, u.recorded_at, coalesce(u.recorded_by::text, ''), 'unmet_recorded', u.member_id, u.need, null, null
    from public.unmet_needs u where u.case_id = c.id
  )
  select coalesce(jsonb_agg(jsonb_build_object('id', e.id, 'caseId', c.id, 'at', e.at, 'by', e.by, 'kind', e.kind, 'memberId', e.member_id,
                                               'text', e.text, 'referralId', e.referral_id, 'status', e.status)
                            order by e.at desc, e.id desc), '[]'::jsonb)
  into result
  from entries e;
  return result;
end
$$;
comment on function public.case_timeline(text) is 'The timeline of a case, newest first (TimelineEntry[]): opened, updated (one entry per change), referrals created and moved, notes, unmet needs recorded; logged.';

create function public.case_shortlist(case_id text)
returns jsonb
language plpgsql
volatile -- it writes the audit log
security definer
set search_path = ''
as $$
declare
  c public.cases := public.accessible_case(case_id);
begin
  perform public.write_case_read('shortlist', c.id, null, 'case_shortlist');
  return coalesce((select jsonb_agg(jsonb_build_object('caseId', s.case_id, 'memberId', s.member_id, 'menuId', s.menu_id,
                                                       'addedAt', s.added_at, 'addedBy', coalesce(s.added_by::text, ''))
                                    order by s.added_at, s.member_id, s.menu_id)
                   from public.shortlist_entries s where s.case_id = c.id), '[]'::jsonb);
end
$$;
comment on function public.case_shortlist(text) is 'The shortlist of a case, oldest first (ShortlistItem[]); logged.';

create function public.case_unmet_needs(case_id text)
returns jsonb
language plpgsql
volatile -- it writes the audit log
security definer
set search_path = ''
as $$
declare
  c public.cases := public.accessible_case(case_id);
begin
  perform public.write_case_read('unmet_need', c.id, null, 'case_unmet_needs');
  return coalesce((select jsonb_agg(public.unmet_need_json(u) order by u.member_id, u.need) from public.unmet_needs u where u.case_id = c.id), '[]'::jsonb);
end
$$;
comment on function public.case_unmet_needs(text) is 'The unmet needs recorded for a case (UnmetNeedRecord[]); logged.';

-- the audit trail of case data: of one case (its team, admins), or everything (admins)
create function public.case_audit(case_id text default null, max_rows integer default 100)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if case_id is null then
    if not (select public.is_admin()) then
      raise exception '監査ログの全体を見られるのは管理者だけです' using errcode = '42501', hint = 'pass a case id';
    end if;
  else
    perform public.accessible_case(case_id);
  end if;
  perform public.check_max_rows(max_rows, 1000);
  return coalesce((
    select jsonb_agg(jsonb_build_object(
             'id', a.id::text, 'at', a.at, 'actorId', coalesce(a.actor::text, ''), 'actorRole', a.actor_role,
             'actorTeamId', a.detail ->> 'actor_team_id',
             'action', case a.action when 'insert' then 'create' else a.action end,
             'entity', a.detail ->> 'entity', 'entityId', a.row_id, 'caseId', a.detail ->> 'case_id'
           ) order by a.at desc, a.id desc)
    from (select * from public.audit_log x
          where x.detail ? 'entity'
            and (case_audit.case_id is null or x.detail ->> 'case_id' = case_audit.case_id)
          order by x.at desc, x.id desc
          limit max_rows) a), '[]'::jsonb);
end
$$;
comment on function public.case_audit(text, integer) is 'Audit entries of case data, newest first (AuditEntry[]): of one case for its team and admins, of every case for admins (case_id null); max_rows 1–1000 (default 100).';

-- execute: signed-in users only (the functions check the role); the helpers not at all -------------
revoke execute on function
  public.create_case(jsonb), public.update_case(text, jsonb), public.delete_case(text),
  public.set_shortlisted(text, text, text, boolean), public.create_referral(text, text, text, date),
  public.update_referral(text, text, text, date), public.add_case_note(text, text, text, text),
  public.record_unmet_needs(text, jsonb), public.list_cases(), public.get_case(text), public.case_referrals(text),
  public.follow_ups_due(date), public.case_timeline(text), public.case_shortlist(text), public.case_unmet_needs(text),
  public.case_audit(text, integer)
  from public, anon;
grant execute on function
  public.create_case(jsonb), public.update_case(text, jsonb), public.delete_case(text),
  public.set_shortlisted(text, text, text, boolean), public.create_referral(text, text, text, date),
  public.update_referral(text, text, text, date), public.add_case_note(text, text, text, text),
  public.record_unmet_needs(text, jsonb), public.list_cases(), public.get_case(text), public.case_referrals(text),
  public.follow_ups_due(date), public.case_timeline(text), public.case_shortlist(text), public.case_unmet_needs(text),
  public.case_audit(text, integer)
  to authenticated;
revoke execute on function
  public.assert_case_worker(), public.accessible_case(text), public.write_case_members(text, text, jsonb), public.case_json(public.cases),
  public.referral_json(public.referrals), public.case_note_json(public.case_notes), public.unmet_need_json(public.unmet_needs)
  from public, anon, authenticated;
