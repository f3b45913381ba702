-- Who may touch case data (DOMAIN.md "Privacy rules"): the owning team's staff and admins, nobody
-- else: not visitors, not coordinators, not staff of another team.
--
-- Two locks:
--   1. privileges: anon and authenticated hold NO privilege on the case tables. Every read and
--      write goes through the security definer RPCs of 20261129090200, which check the team and
--      write audit_log, so a read cannot bypass the audit (a direct select is refused, 42501).
--   2. row-level security: policies confine every operation to the owning team and admins, so a
--      privilege granted by mistake later would still not open another team's cases (pgTAP
--      grants the privileges inside a rolled-back transaction and checks exactly that).
-- Writes are also logged by the record_audit() trigger (who, when, which row, which columns; never
-- the values).

create function public.can_access_team(team_id text)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce((select public.is_admin())
                  or ((select public.is_staff()) and team_id = (select public.my_team_id())), false)
$$;
comment on function public.can_access_team(text) is 'True when the caller may read and write the case data of the team: its staff, and admins.';

-- privileges: none for the API roles ---------------------------------------------------------------
revoke all on public.cases, public.case_members, public.referrals, public.referral_events, public.case_notes,
  public.shortlist_entries, public.unmet_needs, public.case_code_counters
  from anon, authenticated;

-- row-level security: the owning team and admins ---------------------------------------------------
alter table public.cases enable row level security;
create policy "the owning team and admins can read cases" on public.cases
  for select to authenticated using ((select public.can_access_team(team_id)));
create policy "the owning team and admins can add cases" on public.cases
  for insert to authenticated with check ((select public.can_access_team(team_id)));
create policy "the owning team and admins can change cases" on public.cases
  for update to authenticated using ((select public.can_access_team(team_id))) with check ((select public.can_access_team(team_id)));
create policy "the owning team and admins can remove cases" on public.cases
  for delete to authenticated using ((select public.can_access_team(team_id)));

alter table public.case_members enable row level security;
create policy "the owning team and admins can read case members" on public.case_members
  for select to authenticated using ((select public.can_access_team(team_id)));
create policy "the owning team and admins can add case members" on public.case_members
  for insert to authenticated with check ((select public.can_access_team(team_id)));
create policy "the owning team and admins can change case members" on public.case_members
  for update to authenticated using ((select public.can_access_team(team_id))) with check ((select public.can_access_team(team_id)));
create policy "the owning team and admins can remove case members" on public.case_members
  for delete to authenticated using ((select public.can_access_team(team_id)));

alter table public.referrals enable row level security;
create policy "the owning team and admins can read referrals" on public.referrals
  for select to authenticated using ((select public.can_access_team(team_id)));
create policy "the owning team and admins can add referrals" on public.referrals
  for insert to authenticated with check ((select public.can_access_team(team_id)));
create policy "the owning team and admins can change referrals" on public.referrals
  for update to authenticated using ((select public.can_access_team(team_id))) with check ((select public.can_access_team(team_id)));
create policy "the owning team and admins can remove referrals" on public.referrals
  for delete to authenticated using ((select public.can_access_team(team_id)));

-- history: read by the team, written by the trigger only
alter table public.referral_events enable row level security;
create policy "the owning team and admins can read referral events" on public.referral_events
  for select to authenticated using ((select public.can_access_team(team_id)));

alter table public.case_notes enable row level security;
create policy "the owning team and admins can read case notes" on public.case_notes
  for select to authenticated using ((select public.can_access_team(team_id)));
create policy "the owning team and admins can add case notes" on public.case_notes
  for insert to authenticated with check ((select public.can_access_team(team_id)));
create policy "the owning team and admins can change case notes" on public.case_notes
  for update to authenticated using ((select public.can_access_team(team_id))) with check ((select public.can_access_team(team_id)));
create policy "the owning team and admins can remove case notes" on public.case_notes
  for delete to authenticated using ((select public.can_access_team(team_id)));

alter table public.shortlist_entries enable row level security;
create policy "the owning team and admins can read shortlists" on public.shortlist_entries
  for select to authenticated using ((select public.can_access_team(team_id)));
create policy "the owning team and admins can add to shortlists" on public.shortlist_entries
  for insert to authenticated with check ((select public.can_access_team(team_id)));
create policy "the owning team and admins can change shortlists" on public.shortlist_entries
  for update to authenticated using ((select public.can_access_team(team_id))) with check ((select public.can_access_team(team_id)));
create policy "the owning team and admins can remove from shortlists" on public.shortlist_entries
  for delete to authenticated using ((select public.can_access_team(team_id)));

alter table public.unmet_needs enable row level security;
create policy "the owning team and admins can read unmet needs" on public.unmet_needs
  for select to authenticated using ((select public.can_access_team(team_id)));
create policy "the owning team and admins can add unmet needs" on public.unmet_needs
  for insert to authenticated with check ((select public.can_access_team(team_id)));
create policy "the owning team and admins can change unmet needs" on public.unmet_needs
  for update to authenticated using ((select public.can_access_team(team_id))) with check ((select public.can_access_team(team_id)));
create policy "the owning team and admins can remove unmet needs" on public.unmet_needs
  for delete to authenticated using ((select public.can_access_team(team_id)));

-- the counters are the trigger's alone (no policy: nobody through the API)
alter table public.case_code_counters enable row level security;

-- reason codes: reference data like the taxonomies
alter table public.referral_reasons enable row level security;
create policy "anyone can read referral reasons" on public.referral_reasons
  for select to anon, authenticated using (true);
create policy "admins can add referral reasons" on public.referral_reasons
  for insert to authenticated with check ((select public.is_admin()));
create policy "admins can change referral reasons" on public.referral_reasons
  for update to authenticated using ((select public.is_admin())) with check ((select public.is_admin()));
create policy "admins can remove referral reasons" on public.referral_reasons
  for delete to authenticated using ((select public.is_admin()));
revoke insert, update, delete, truncate, references, trigger on public.referral_reasons from anon;
revoke truncate, references, trigger on public.referral_reasons from authenticated;

-- audit of every write (reads are logged by the RPCs) ------------------------------------------------
-- One audit_log row per row written: who (actor, role), when, which row, which columns changed,
-- and in detail the case it belongs to, the port's entity name (src/data/case-port.ts AuditEntity)
-- and the actor's team. Never the values.
create function public.record_case_audit()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  r jsonb := to_jsonb(coalesce(new, old));
  changed text[];
begin
  if tg_op = 'UPDATE' then
    select array_agg(n.key order by n.key) into changed
    from jsonb_each(to_jsonb(new)) n
    where n.value is distinct from to_jsonb(old) -> n.key and n.key not in ('updated_at', 'updated_by');
    if changed is null then
      return null; -- nothing but bookkeeping changed
    end if;
  end if;
  perform public.write_audit(
    lower(tg_op),
    tg_table_name,
    case tg_table_name
      when 'case_members' then concat_ws('/', r ->> 'case_id', r ->> 'member_id')
      when 'shortlist_entries' then concat_ws('/', r ->> 'case_id', r ->> 'member_id', r ->> 'menu_id')
      else r ->> 'id'
    end,
    jsonb_strip_nulls(jsonb_build_object(
      'case_id', case when tg_table_name = 'cases' then r ->> 'id' else r ->> 'case_id' end,
      'entity', tg_argv[0],
      'actor_team_id', (select public.my_team_id()),
      'columns', to_jsonb(changed)
    ))
  );
  return null;
end
$$;
comment on function public.record_case_audit() is 'Trigger (after, per row) on case tables: one audit_log row with the case id, the entity (trigger argument), the actor''s team and the changed column names; never the values.';

create trigger cases_record_audit after insert or update or delete on public.cases
  for each row execute function public.record_case_audit('case');
create trigger case_members_record_audit after insert or update or delete on public.case_members
  for each row execute function public.record_case_audit('case');
create trigger referrals_record_audit after insert or update or delete on public.referrals
  for each row execute function public.record_case_audit('referral');
create trigger case_notes_record_audit after insert or update or delete on public.case_notes
  for each row execute function public.record_case_audit('note');
create trigger shortlist_entries_record_audit after insert or update or delete on public.shortlist_entries
  for each row execute function public.record_case_audit('shortlist');
create trigger unmet_needs_record_audit after insert or update or delete on public.unmet_needs
  for each row execute function public.record_case_audit('unmet_need');
create trigger referral_reasons_record_audit after insert or update or delete on public.referral_reasons
  for each row execute function public.record_audit('status', 'id');

-- reads: one row per read, written by the RPCs
create function public.write_case_read(entity text, case_id text, row_id text, via text)
returns void
language sql
volatile
security definer
set search_path = ''
as $$
  select public.write_audit('read', case when entity in ('unmet_summary', 'unmet_need') then 'unmet_needs' when entity = 'referral' or entity = 'follow_ups' then 'referrals' else 'cases' end,
    row_id,
    jsonb_strip_nulls(jsonb_build_object('case_id', case_id, 'entity', entity, 'actor_team_id', (select public.my_team_id()), 'via', via)))
$$;
comment on function public.write_case_read(text, text, text, text) is 'Logs one read of case data: the entity read (case-port AuditEntity), the case, the row, the RPC.';
revoke execute on function public.write_case_read(text, text, text, text) from public, anon, authenticated;

create index audit_log_case_id_idx on public.audit_log ((detail ->> 'case_id'), at desc) where detail ? 'case_id';
