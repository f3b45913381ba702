-- 参加支援 case data (DOMAIN.md "Case", "Referrals and 伴走", "Privacy rules"; issue 5):
--   cases              a household under a pseudonymous code (K-2026-0042), owned by one team; its
--                      home is an area or a point on the ~100 m grid, never finer; constraints
--   case_members       relationship, age band, targets, needs in priority order, overrides
--   referrals          つなぎ: member × menu, status flow with reason codes, next follow-up date
--   referral_events    the status history of each referral (written by trigger)
--   case_notes         short notes on a case or a referral
--   shortlist_entries  menus a worker keeps for a member before referring
--   unmet_needs        未充足ニーズ: need × area × blocking constraint × date, per team
--   referral_reasons   the reason codes of the exits (reference data, admins extend)
-- There is no column for a name, an address, a phone number or a birth date, and no free-text
-- field on a case or a member for one to slip into; notes refuse phone numbers, postal codes and
-- e-mail addresses. Status ids, reason codes and messages are those of src/domain/case/referral.ts.
-- Every child table carries team_id, kept equal to its case's by a composite foreign key, so
-- row-level security (next migration) compares one column. Nobody reads or writes these tables
-- directly: the RPCs of 20261129090200 do, and write the audit log (see docs/database.md).

-- validation of the household constraints (src/domain/case/model.ts constraintsSchema) -----------
create function public.case_constraints_problem(c jsonb, partial boolean default false)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  k text;
  w jsonb;
  keys constant text[] := array['travel', 'availability', 'accessibility', 'languages', 'maxCostYen', 'ease'];
begin
  if c is null or jsonb_typeof(c) <> 'object' then
    return '条件（constraints）は JSON オブジェクトで指定してください';
  end if;
  for k in select jsonb_object_keys(c) loop
    if not k = any (keys) then
      return format('条件に不明な項目「%s」があります（使える項目: %s）', k, array_to_string(keys, ', '));
    end if;
  end loop;
  if not partial then
    foreach k in array keys loop
      if not c ? k then
        return format('条件の項目「%s」がありません', k);
      end if;
    end loop;
  end if;
  if c ? 'travel' then
    if jsonb_typeof(c -> 'travel') is distinct from 'object'
       or exists (select 1 from jsonb_object_keys(c -> 'travel') x where x not in ('mode', 'maxMinutes'))
       or (c -> 'travel' ->> 'mode') is null
       or not (c -> 'travel' ->> 'mode') = any (array['walk', 'bicycle', 'bus', 'car']) then
      return '移動手段は walk（徒歩）, bicycle（自転車）, bus（バス）, car（車）のいずれかです';
    end if;
    if jsonb_typeof(c -> 'travel' -> 'maxMinutes') is distinct from 'number'
       or (c -> 'travel' ->> 'maxMinutes')::numeric % 1 <> 0
       or (c -> 'travel' ->> 'maxMinutes')::numeric not between 1 and 120 then
      return '移動時間の上限は1〜120分の整数で指定してください';
    end if;
  end if;
  if c ? 'availability' then
    if jsonb_typeof(c -> 'availability') is distinct from 'array' or jsonb_array_length(c -> 'availability') = 0 then
      return '参加できる曜日と時間帯を1つ以上指定してください';
    end if;
    for w in select e from jsonb_array_elements(c -> 'availability') e loop
      if jsonb_typeof(w) is distinct from 'object'
         or exists (select 1 from jsonb_object_keys(w) x where x not in ('days', 'from', 'to'))
         or jsonb_typeof(w -> 'days') is distinct from 'array' or jsonb_array_length(w -> 'days') = 0
         or exists (select 1 from jsonb_array_elements(w -> 'days') d
                    where jsonb_typeof(d) <> 'string' or not (d #>> '{}') = any (array['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'])) then
        return '時間帯は {"days": ["TU", …], "from": "13:00", "to": "17:00"} の形で、曜日は MO〜SU です';
      end if;
      if coalesce(w ->> 'from', '') !~ '^([01]\d|2[0-3]):[0-5]\d$'
         or coalesce(w ->> 'to', '') !~ '^(([01]\d|2[0-3]):[0-5]\d|24:00)$'
         or (w ->> 'to') <= (w ->> 'from') then
        return '時刻は HH:MM（24時間）で、終了は開始より後にしてください（終了のみ 24:00 可）';
      end if;
    end loop;
  end if;
  foreach k in array array['accessibility', 'languages', 'ease'] loop
    if c ? k and (jsonb_typeof(c -> k) is distinct from 'array'
                  or exists (select 1 from jsonb_array_elements(c -> k) e where jsonb_typeof(e) <> 'string')) then
      return format('条件の「%s」は id の一覧で指定してください', k);
    end if;
  end loop;
  if c ? 'languages' and jsonb_array_length(c -> 'languages') = 0 then
    return '参加できる言語を1つ以上指定してください';
  end if;
  if c ? 'maxCostYen' and jsonb_typeof(c -> 'maxCostYen') <> 'null'
     and (jsonb_typeof(c -> 'maxCostYen') <> 'number'
          or (c ->> 'maxCostYen')::numeric % 1 <> 0
          or (c ->> 'maxCostYen')::numeric not between 0 and 100000) then
    return '費用の上限は0〜100000円の整数（上限なしは null）で指定してください';
  end if;
  return null;
end
$$;
comment on function public.case_constraints_problem(jsonb, boolean) is 'Why a case''s constraints (or, partial, a member''s overrides) are invalid, in Japanese; null when valid. The shape of constraintsSchema in src/domain/case/model.ts.';

-- term ids inside constraints: the same taxonomy check as listings
create function public.assert_constraint_terms(c jsonb, label text)
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if c ? 'accessibility' then
    perform public.assert_terms(array(select jsonb_array_elements_text(c -> 'accessibility')), 'accessibility', label || '.accessibility');
  end if;
  if c ? 'languages' then
    perform public.assert_terms(array(select jsonb_array_elements_text(c -> 'languages')), 'languages', label || '.languages');
  end if;
  if c ? 'ease' then
    perform public.assert_terms(array(select jsonb_array_elements_text(c -> 'ease')), 'ease', label || '.ease');
  end if;
end
$$;
comment on function public.assert_constraint_terms(jsonb, text) is 'Raises 23503 when constraints name unknown accessibility, language or ease ids.';

-- the ~100 m home grid of src/domain/case/model.ts (HOME_GRID_DEG = 0.001)
create function public.is_coarse_point(p extensions.geography)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select abs(extensions.st_x(p::extensions.geometry) * 1000 - round(extensions.st_x(p::extensions.geometry) * 1000)) < 1e-6
     and abs(extensions.st_y(p::extensions.geometry) * 1000 - round(extensions.st_y(p::extensions.geometry) * 1000)) < 1e-6
$$;
comment on function public.is_coarse_point(extensions.geography) is 'True when the point lies on the 0.001° home grid (about 100 m): coarsenPoint in src/domain/case/model.ts would not move it.';

-- case codes --------------------------------------------------------------------------------------
create table public.case_code_counters (
  year integer primary key check (year between 2000 and 9999),
  last integer not null check (last >= 0)
);
comment on table public.case_code_counters is 'The last case code counter used per year (K-<year>-<counter>); written by the cases trigger only. The counter never derives from a person.';

-- cases -------------------------------------------------------------------------------------------
create table public.cases (
  id text primary key default extensions.gen_random_uuid()::text check (id ~ '^[A-Za-z0-9_.:-]{1,64}$'),
  code text not null unique check (code ~ '^K-\d{4}-\d{4,}$'),
  team_id text not null references public.teams (id) on delete restrict,
  status text not null default 'active' check (status in ('active', 'paused', 'closed')),
  home_area_id text references public.areas (id) on delete restrict,
  home_point extensions.geography(Point, 4326),
  constraints jsonb not null constraint cases_constraints_valid check (public.case_constraints_problem(constraints) is null),
  opened_on date not null default (now() at time zone 'Asia/Tokyo')::date check (opened_on between '2000-01-01' and '2999-12-31'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default auth.uid(),
  updated_by uuid default auth.uid(),
  unique (id, team_id), -- target of the child tables' (case_id, team_id) keys
  constraint cases_home_given check (home_area_id is not null or home_point is not null),
  constraint cases_home_point_in_japan check (
    home_point is null or (extensions.st_x(home_point::extensions.geometry) between 122 and 154
                           and extensions.st_y(home_point::extensions.geometry) between 20 and 46)
  ),
  constraint cases_home_point_coarse check (home_point is null or public.is_coarse_point(home_point))
);
comment on table public.cases is '参加支援 cases: a household under a pseudonymous code, owned by a team. No name, address, phone or birth date anywhere; the home is an area or a point on the 0.001° (~100 m) grid. Read and written only through the case RPCs, which log every access.';
comment on column public.cases.code is 'K-<year opened>-<counter> (4+ digits), assigned on insert, never changed';
comment on column public.cases.home_point is 'approximate home on the 0.001° grid (~100 m), or null when the home is only an area; a finer point is refused (cases_home_point_coarse)';
comment on column public.cases.home_area_id is 'the home area (an area-only home), or the reporting area given with a point';
comment on column public.cases.constraints is 'household constraints, constraintsSchema of src/domain/case/model.ts: { travel, availability, accessibility, languages, maxCostYen, ease }';
create index cases_team_id_idx on public.cases (team_id, status);
create index cases_home_area_id_idx on public.cases (home_area_id);

create function public.cases_before_write()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  y integer;
  n integer;
begin
  perform public.assert_constraint_terms(new.constraints, 'cases.constraints');
  if tg_op = 'INSERT' then
    y := extract(year from new.opened_on)::integer;
    insert into public.case_code_counters as k (year, last) values (y, 1)
      on conflict (year) do update set last = k.last + 1
      returning k.last into n;
    new.code := format('K-%s-%s', y, lpad(n::text, 4, '0'));
  else
    if new.code is distinct from old.code then
      raise exception 'ケース番号は変更できません' using errcode = '23514', hint = 'the code is assigned once, on insert';
    end if;
    new.updated_at := now();
    new.updated_by := auth.uid();
  end if;
  return new;
end
$$;
comment on function public.cases_before_write() is 'Trigger: assigns the case code from case_code_counters on insert (security definer: callers cannot write the counters), keeps it, validates term ids, stamps updates.';
create trigger cases_before_write before insert or update on public.cases
  for each row execute function public.cases_before_write();

-- members -----------------------------------------------------------------------------------------
create table public.case_members (
  case_id text not null,
  team_id text not null,
  member_id text not null check (member_id ~ '^[A-Za-z0-9_-]{1,32}$'),
  position integer not null check (position between 0 and 11),
  relationship text not null check (relationship in ('self', 'spouse', 'parent', 'child', 'grandparent', 'grandchild', 'sibling', 'other')),
  age_band text not null check (age_band in ('0-5', '6-12', '13-18', '19-39', '40-64', '65-74', '75+')),
  targets text[] not null default '{}',
  needs text[] not null check (cardinality(needs) between 1 and 12),
  overrides jsonb not null default '{}' constraint case_members_overrides_valid check (public.case_constraints_problem(overrides, true) is null),
  primary key (case_id, member_id),
  unique (case_id, position) deferrable initially deferred,
  foreign key (case_id, team_id) references public.cases (id, team_id) on update cascade on delete cascade
);
comment on table public.case_members is '世帯員 of a case: relationship, age band, targets, needs in priority order (first = most important), constraint overrides. Never a name or a birth date.';
comment on column public.case_members.member_id is 'stable within the case, e.g. m1; never a name';
comment on column public.case_members.needs is 'need ids in priority order, each once';
comment on column public.case_members.overrides is 'the member''s overrides of the household constraints (any subset of its keys)';
create index case_members_team_id_idx on public.case_members (team_id);

create function public.case_members_before_write()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  perform public.assert_terms(new.targets, 'targets', 'case_members.targets');
  perform public.assert_terms(new.needs, 'needs', 'case_members.needs');
  perform public.assert_constraint_terms(new.overrides, 'case_members.overrides');
  return new;
end
$$;
comment on function public.case_members_before_write() is 'Trigger: unknown or repeated target and need ids, and unknown ids in the overrides, are refused.';
create trigger case_members_before_write before insert or update on public.case_members
  for each row execute function public.case_members_before_write();

-- referral reason codes ---------------------------------------------------------------------------
create table public.referral_reasons (
  status text not null check (status in ('paused', 'ended', 'declined', 'refused')),
  id text not null check (id ~ '^[a-z][a-z0-9_]{0,39}$'),
  label_ja text not null check (length(label_ja) between 1 and 100),
  label_en text not null check (length(label_en) between 1 and 100),
  sort_order integer not null default 0,
  primary key (status, id)
);
comment on table public.referral_reasons is 'Reason codes of the exits of a referral (休止, 終了, 本人辞退, 受け入れ不可), as REFERRAL_REASONS in src/domain/case/referral.ts; reference data, admins extend it.';
insert into public.referral_reasons (status, id, label_ja, label_en, sort_order) values
  ('paused', 'health', '体調', 'Health', 1),
  ('paused', 'family', '家庭の事情', 'Family circumstances', 2),
  ('paused', 'schedule_change', '予定の変化', 'Change of schedule', 3),
  ('paused', 'person_request', '本人の希望', 'The person asked', 4),
  ('paused', 'other', 'その他', 'Other', 99),
  ('ended', 'goal_met', '目標達成', 'Goal reached', 1),
  ('ended', 'other_support', '他の支援へ', 'Moved to other support', 2),
  ('ended', 'moved', '転居', 'Moved away', 3),
  ('ended', 'other', 'その他', 'Other', 99),
  ('declined', 'not_interested', '関心が合わない', 'Not interested', 1),
  ('declined', 'anxiety', '不安が大きい', 'Too anxious', 2),
  ('declined', 'schedule', '日時が合わない', 'Dates do not fit', 3),
  ('declined', 'cost', '費用', 'Cost', 4),
  ('declined', 'access', '移動が難しい', 'Hard to get there', 5),
  ('declined', 'other', 'その他', 'Other', 99),
  ('refused', 'full', '定員', 'Full', 1),
  ('refused', 'not_eligible', '対象外', 'Not eligible', 2),
  ('refused', 'accessibility', 'バリアフリー', 'Accessibility', 3),
  ('refused', 'other', 'その他', 'Other', 99);

-- referrals (つなぎ) -------------------------------------------------------------------------------
-- status flow (src/domain/case/referral.ts): proposed 提案 → consented 本人同意 → contacted
-- 受け入れ先へ連絡 → visit_planned 見学予定 → first_attended 初回参加 → continuing 継続参加;
-- exits, each with a reason code: paused 休止 (may resume; still active), ended 終了,
-- declined 本人辞退, refused 受け入れ不可 (final).
create function public.referral_status_rank(status text)
returns integer
language sql
immutable
parallel safe
set search_path = ''
as $$
  select array_position(array['proposed', 'consented', 'contacted', 'visit_planned', 'first_attended', 'continuing'], status)
$$;
comment on function public.referral_status_rank(text) is 'Position of a stage in the referral flow (1 = proposed … 6 = continuing); null for the exits.';

create function public.referral_is_active(status text)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select status not in ('ended', 'declined', 'refused')
$$;
comment on function public.referral_is_active(text) is 'Still walked alongside: every stage and 休止 (isActiveReferral of src/domain/case/referral.ts); an active referral needs a next follow-up date.';

create function public.referral_transition_problem(from_status text, to_status text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select case
    when from_status = to_status then null
    when from_status in ('ended', 'declined', 'refused')
      then 'このつなぎは終わっています（終了・本人辞退・受け入れ不可）。新しいつなぎを作ってください'
    when to_status in ('paused', 'ended', 'declined', 'refused') then null -- every active referral may exit
    when from_status = 'paused' then null -- resuming: back to any stage
    when public.referral_status_rank(to_status) < public.referral_status_rank(from_status)
      then 'つなぎの段階は戻せません（休止から再開するときは、どの段階にも戻せます）'
    else null -- forward, stages may be skipped
  end
$$;
comment on function public.referral_transition_problem(text, text) is 'Why a referral may not move from one status to another (Japanese), or null: forward (skipping allowed), to any exit, from 休止 back to any stage; 終了, 本人辞退 and 受け入れ不可 are final (nextStatuses of src/domain/case/referral.ts).';

create table public.referrals (
  id text primary key default extensions.gen_random_uuid()::text check (id ~ '^[A-Za-z0-9_.:-]{1,64}$'),
  case_id text not null,
  team_id text not null,
  member_id text not null,
  menu_id text not null, -- no foreign key: the referral and its history outlive a removed listing
  site_id text,
  menu_title text not null check (length(menu_title) between 1 and 200),
  site_name text check (length(site_name) <= 200),
  status text not null default 'proposed' check (status in (
    'proposed', 'consented', 'contacted', 'visit_planned', 'first_attended', 'continuing',
    'paused', 'ended', 'declined', 'refused'
  )),
  reason_code text,
  next_follow_up date check (next_follow_up between '2000-01-01' and '2999-12-31'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid default auth.uid(),
  updated_by uuid default auth.uid(),
  foreign key (case_id, team_id) references public.cases (id, team_id) on update cascade on delete cascade,
  foreign key (case_id, member_id) references public.case_members (case_id, member_id), -- no action: checked after a case's cascade
  constraint referrals_active_have_a_follow_up check (not public.referral_is_active(status) or next_follow_up is not null),
  constraint referrals_ended_have_no_follow_up check (public.referral_is_active(status) or next_follow_up is null),
  constraint referrals_exits_have_a_reason check ((public.referral_status_rank(status) is null) = (reason_code is not null)),
  constraint referrals_reason_known foreign key (status, reason_code) references public.referral_reasons (status, id) on update cascade
);
comment on table public.referrals is 'つなぎ: a member referred to a menu (with the menu''s title and site name as referred). Every active referral (stages and 休止) has a next follow-up date; exits carry a reason code; transitions follow referral_transition_problem; the history is in referral_events.';
comment on column public.referrals.next_follow_up is 'next 伴走 date: required while active (stages and 休止), none once ended';
comment on column public.referrals.reason_code is 'why it exited (public.referral_reasons for that status); null on a stage';
comment on column public.referrals.menu_title is 'the menu''s title when referred, so the timeline reads after the listing changes';
create index referrals_team_follow_up_idx on public.referrals (team_id, next_follow_up) where next_follow_up is not null;
create index referrals_case_id_idx on public.referrals (case_id, member_id);
create unique index referrals_one_active_per_member_and_menu on public.referrals (case_id, member_id, menu_id)
  where status not in ('ended', 'declined', 'refused');

create table public.referral_events (
  id bigint generated always as identity primary key,
  referral_id text not null references public.referrals (id) on delete cascade,
  case_id text not null,
  team_id text not null,
  from_status text, -- null for the referral's creation
  to_status text not null,
  reason_code text,
  next_follow_up date,
  at timestamptz not null default now(),
  by uuid default auth.uid(),
  foreign key (case_id, team_id) references public.cases (id, team_id) on update cascade on delete cascade
);
comment on table public.referral_events is 'Status history of referrals (the case timeline): one row per creation and per status or follow-up change, written by trigger.';
create index referral_events_referral_id_idx on public.referral_events (referral_id, at);
create index referral_events_case_id_idx on public.referral_events (case_id, team_id);

create function public.referrals_before_write()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  problem text;
begin
  if tg_op = 'INSERT' then
    if new.status <> 'proposed' then
      raise exception '新しいつなぎは「提案」から始めます' using errcode = '23514', hint = 'create it as proposed, then move it';
    end if;
  else
    if new.case_id <> old.case_id or new.member_id <> old.member_id or new.menu_id <> old.menu_id then
      raise exception 'つなぎの対象（ケース・世帯員・活動）は変更できません' using errcode = '23514';
    end if;
    problem := public.referral_transition_problem(old.status, new.status);
    if problem is not null then
      raise exception '%', problem using errcode = '23514', hint = format('%s → %s is not allowed', old.status, new.status);
    end if;
    new.updated_at := now();
    new.updated_by := auth.uid();
  end if;
  if public.referral_status_rank(new.status) is null and new.reason_code is null then
    raise exception '休止・終了・本人辞退・受け入れ不可には理由を選んでください' using errcode = '23514', hint = 'see public.referral_reasons';
  end if;
  if public.referral_status_rank(new.status) is not null and new.reason_code is not null then
    raise exception '理由は休止・終了・辞退・受け入れ不可のときだけ選びます' using errcode = '23514';
  end if;
  if public.referral_is_active(new.status) and new.next_follow_up is null then
    raise exception '次回のフォロー日を入力してください（進行中・休止中のつなぎには必要です）' using errcode = '23514', hint = 'set next_follow_up';
  end if;
  if not public.referral_is_active(new.status) and new.next_follow_up is not null then
    raise exception '終了したつなぎにはフォロー日を設定しません' using errcode = '23514';
  end if;
  return new;
end
$$;
comment on function public.referrals_before_write() is 'Trigger: validates creation (提案 only) and status transitions with the Japanese messages of checkReferralChange (the check constraints back it up).';
create trigger referrals_before_write before insert or update on public.referrals
  for each row execute function public.referrals_before_write();

create function public.referrals_record_event()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and new.status = old.status and new.next_follow_up is not distinct from old.next_follow_up
     and new.reason_code is not distinct from old.reason_code then
    return null;
  end if;
  insert into public.referral_events (referral_id, case_id, team_id, from_status, to_status, reason_code, next_follow_up)
  values (new.id, new.case_id, new.team_id, case when tg_op = 'UPDATE' then old.status end, new.status, new.reason_code, new.next_follow_up);
  return null;
end
$$;
comment on function public.referrals_record_event() is 'Trigger (after insert or update): appends the referral''s new status and follow-up date to referral_events.';
create trigger referrals_record_event after insert or update on public.referrals
  for each row execute function public.referrals_record_event();

-- notes -------------------------------------------------------------------------------------------
-- Free text is where a name or a phone number could slip in. Text that looks like a phone number,
-- a postal code or an e-mail address is refused (checkNoteText of src/domain/case/referral.ts);
-- names cannot be detected, so the form says not to write them.
create function public.case_note_problem(body text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select case
    when body is null or btrim(normalize(body, nfkc)) = '' then 'メモを入力してください'
    when length(normalize(body, nfkc)) > 2000 then 'メモは2000文字以内にしてください'
    when normalize(body, nfkc) ~ '\d{2,4}[-ー−(（ ]?\d{2,4}[-ー−)） ]?\d{3,4}'
      then '電話番号のような数字は書かないでください（個人を特定できる情報は保存しません）'
    when normalize(body, nfkc) ~ '〒?\d{3}-\d{4}' then '郵便番号は書かないでください'
    when normalize(body, nfkc) ~ '[[:alnum:]_.+-]+@[[:alnum:]_-]+\.[[:alnum:]_.-]+' then 'メールアドレスは書かないでください'
  end
$$;
comment on function public.case_note_problem(text) is 'Why a case note is refused (Japanese, as checkNoteText), or null: empty, over 2000 characters, or something that looks like a phone number, a postal code or an e-mail address.';

create table public.case_notes (
  id text primary key default extensions.gen_random_uuid()::text check (id ~ '^[A-Za-z0-9_.:-]{1,64}$'),
  case_id text not null,
  team_id text not null,
  referral_id text references public.referrals (id) on delete cascade,
  member_id text check (member_id ~ '^[A-Za-z0-9_-]{1,32}$'),
  body text not null constraint case_notes_body_valid check (public.case_note_problem(body) is null),
  created_at timestamptz not null default now(),
  created_by uuid default auth.uid(),
  foreign key (case_id, team_id) references public.cases (id, team_id) on update cascade on delete cascade
);
comment on table public.case_notes is 'Short notes on a case (optionally about a referral or a member), entries of the case timeline. Never names or contact details: phone numbers, postal codes and e-mail addresses are refused.';
create index case_notes_case_id_idx on public.case_notes (case_id, created_at);
create index case_notes_team_id_idx on public.case_notes (team_id);
create index case_notes_referral_id_idx on public.case_notes (referral_id);

-- shortlist ---------------------------------------------------------------------------------------
create table public.shortlist_entries (
  case_id text not null,
  team_id text not null,
  member_id text not null,
  menu_id text not null references public.menus (id) on delete cascade,
  added_at timestamptz not null default now(),
  added_by uuid default auth.uid(),
  primary key (case_id, member_id, menu_id),
  foreign key (case_id, team_id) references public.cases (id, team_id) on update cascade on delete cascade,
  foreign key (case_id, member_id) references public.case_members (case_id, member_id) on delete cascade
);
comment on table public.shortlist_entries is 'Menus kept for a member of a case before referring (the results screen''s shortlist).';
create index shortlist_entries_team_id_idx on public.shortlist_entries (team_id);
create index shortlist_entries_menu_id_idx on public.shortlist_entries (menu_id);

-- unmet needs -------------------------------------------------------------------------------------
create table public.unmet_needs (
  id text primary key default extensions.gen_random_uuid()::text check (id ~ '^[A-Za-z0-9_.:-]{1,64}$'),
  team_id text not null references public.teams (id) on delete cascade,
  case_id text, -- null once the case is removed: the record still counts for 地域づくり
  member_id text not null check (member_id ~ '^[A-Za-z0-9_-]{1,32}$'),
  need text not null references public.needs (id) on update cascade,
  area_id text references public.areas (id) on delete set null,
  blocking_constraint text not null check (blocking_constraint in (
    'distance', 'schedule', 'target', 'accessibility', 'language', 'cost', 'area', 'capacity', 'no_menu'
  )),
  recorded_on date not null default (now() at time zone 'Asia/Tokyo')::date check (recorded_on between '2000-01-01' and '2999-12-31'),
  recorded_at timestamptz not null default now(),
  recorded_by uuid default auth.uid(),
  foreign key (case_id, team_id) references public.cases (id, team_id) on update cascade on delete set null (case_id),
  constraint unmet_needs_once_per_member_and_need unique (case_id, member_id, need)
);
comment on table public.unmet_needs is '未充足ニーズ: a need of a case member that matching could not serve: need × area × blocking constraint × date, per team; one per case × member × need (recording again replaces it). Outside the team only unmet_needs_summary() counts them, suppressing counts under 5.';
comment on column public.unmet_needs.blocking_constraint is 'BLOCKING_CONSTRAINTS of src/domain/matching/types.ts';
comment on column public.unmet_needs.recorded_on is 'the date matching found nothing (UnmetNeed.date)';
create index unmet_needs_team_id_idx on public.unmet_needs (team_id, recorded_on);
create index unmet_needs_group_idx on public.unmet_needs (need, area_id, blocking_constraint);
