-- Additions for the case port (src/data/case-port.ts):
--   list_cases: ties (the same transaction) broken by the code, newest first.
--   case_audit(null, …) for staff: the audit entries written by their own team (listAudit without
--     a case: "of everything" for admins, of the team's own actions for staff), as the local store.
--   staff_catalog(): what matching runs on in the client (StaffCatalog: published sites and menus
--     including staff-only ones, never drafts or confidential sites; the organizations' names).
--     Fine for one municipality (thousands of sites); at national scale use matching_candidates.

create or replace function public.case_audit(case_id text default null, max_rows integer default 100)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  team text;
begin
  if case_id is null then
    perform public.assert_case_worker();
    if not (select public.is_admin()) then
      team := (select public.my_team_id());
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
            and (team is null or x.detail ->> 'actor_team_id' = team)
          order by x.at desc, x.id desc
          limit max_rows) a), '[]'::jsonb);
end
$$;
comment on function public.case_audit(text, integer) is 'Audit entries of case data, newest first (AuditEntry[]): of one case for its team and admins; without a case, every entry for admins and the entries of the caller''s own team for staff; max_rows 1–1000 (default 100).';

create function public.staff_catalog()
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform public.assert_case_worker();
  return jsonb_build_object(
    'sites', coalesce((
      select jsonb_agg(public.public_site_json(s) || jsonb_build_object('status', s.status, 'visibility', s.visibility, 'confidential', s.confidential,
                                                                        'updated_at', s.updated_at) order by s.id)
      from public.sites s where s.status = 'published' and not s.confidential), '[]'::jsonb),
    'menus', coalesce((
      select jsonb_agg(public.public_menu_json(m) || jsonb_build_object('status', m.status, 'visibility', m.visibility, 'updated_at', m.updated_at) order by m.id)
      from public.menus m
      where m.status = 'published'
        and (m.site_id is null or exists (select 1 from public.sites s where s.id = m.site_id and s.status = 'published' and not s.confidential))), '[]'::jsonb),
    'organizations', coalesce((
      select jsonb_agg(jsonb_build_object('id', o.id, 'name', o.name, 'kind', o.kind) order by o.id) from public.organizations o), '[]'::jsonb)
  );
end
$$;
comment on function public.staff_catalog() is 'StaffCatalog for client-side matching: published sites (not confidential) and their published menus, staff-only included, outreach menus, and every organization''s id, name and kind. Staff and admins only. One municipality''s scale; use matching_candidates beyond.';

revoke execute on function public.staff_catalog() from public, anon;
grant execute on function public.staff_catalog() to authenticated;

-- list_cases: newest first, and among cases opened in the same transaction the higher code first
create or replace function public.list_cases()
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
  select coalesce(jsonb_agg(public.case_json(c) order by c.created_at desc, c.code desc), '[]'::jsonb) into result
  from public.cases c where public.can_access_team(c.team_id);
  return result;
end
$$;
