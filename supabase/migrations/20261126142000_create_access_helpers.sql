-- Who is asking: small security definer helpers used by row-level security policies. They read
-- profiles and organization_members as their owner, so policies on those tables do not recurse,
-- and they reveal nothing but the caller's own role and memberships. Each one is
-- `security definer set search_path = ''` and names every object with its schema.
-- Policies call them as `(select public.is_admin())` so Postgres evaluates them once per
-- statement (an initplan) instead of once per row.
-- (Not `current_role()`: CURRENT_ROLE is a reserved word in SQL.)

create function public.user_role()
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select p.role from public.profiles p where p.id = (select auth.uid())
$$;
comment on function public.user_role() is 'The caller''s role (admin, staff or coordinator), or null for visitors and accounts without a profile.';

create function public.is_admin()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce((select public.user_role()) = 'admin', false)
$$;
comment on function public.is_admin() is 'True when the caller is an admin.';

create function public.is_staff()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce((select public.user_role()) = 'staff', false)
$$;
comment on function public.is_staff() is 'True when the caller is 参加支援 staff.';

create function public.my_organization_ids()
returns text[]
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(array_agg(m.organization_id order by m.organization_id), '{}')
  from public.organization_members m
  join public.profiles p on p.id = m.user_id
  where m.user_id = (select auth.uid()) and p.role = 'coordinator'
$$;
comment on function public.my_organization_ids() is 'Ids of the organizations the caller maintains as a coordinator (empty for everyone else).';

create function public.is_member_of(organization_id text)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select organization_id = any (public.my_organization_ids())
$$;
comment on function public.is_member_of(text) is 'True when the caller is a coordinator of the organization.';

create function public.my_team_id()
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select p.team_id from public.profiles p where p.id = (select auth.uid())
$$;
comment on function public.my_team_id() is 'The caller''s 参加支援 team (staff), for team-owned tables such as cases (a later issue).';

-- The public filter in one place: what a visitor may see of a site or a menu.
create function public.is_public_site(status text, visibility text, confidential boolean)
returns boolean
language sql
immutable
parallel safe
as $$
  select status = 'published' and visibility = 'public' and not confidential
$$;
comment on function public.is_public_site(text, text, boolean) is 'The public filter of a site: published, public and not confidential.';
