-- Row-level security on every table (DOMAIN.md "Who uses the software", "Privacy rules"):
--   visitors (anon, and signed-in accounts without a profile) read published, public,
--     non-confidential sites and menus, the organizations behind them, areas and taxonomies;
--   coordinators read and write the listings of their own organizations;
--   staff read published listings including staff-only menus and confidential sites;
--   admins manage everything; nobody but the service role (bypassrls) gets past these policies.
-- Policies are named as sentences and call the helpers as `(select public.fn())` (one evaluation
-- per statement). Writes are granted to `authenticated` only and decided by policy; anon keeps
-- read privileges only, and nobody but the owner may truncate (truncate ignores RLS).

-- privileges: a second lock behind the policies ------------------------------------------------
revoke insert, update, delete, truncate, references, trigger on all tables in schema public from anon;
revoke truncate, references, trigger on all tables in schema public from authenticated;
alter default privileges in schema public revoke insert, update, delete, truncate, references, trigger on tables from anon;
alter default privileges in schema public revoke truncate, references, trigger on tables from authenticated;
-- history is written by triggers only
revoke insert, update, delete on public.listing_revisions, public.audit_log from authenticated;

-- taxonomies: everyone reads, admins change ------------------------------------------------------
alter table public.fields enable row level security;
create policy "anyone can read fields" on public.fields for select to anon, authenticated using (true);
create policy "admins can add fields" on public.fields for insert to authenticated with check ((select public.is_admin()));
create policy "admins can change fields" on public.fields for update to authenticated using ((select public.is_admin())) with check ((select public.is_admin()));
create policy "admins can remove fields" on public.fields for delete to authenticated using ((select public.is_admin()));

alter table public.categories enable row level security;
create policy "anyone can read categories" on public.categories for select to anon, authenticated using (true);
create policy "admins can add categories" on public.categories for insert to authenticated with check ((select public.is_admin()));
create policy "admins can change categories" on public.categories for update to authenticated using ((select public.is_admin())) with check ((select public.is_admin()));
create policy "admins can remove categories" on public.categories for delete to authenticated using ((select public.is_admin()));

alter table public.needs enable row level security;
create policy "anyone can read needs" on public.needs for select to anon, authenticated using (true);
create policy "admins can add needs" on public.needs for insert to authenticated with check ((select public.is_admin()));
create policy "admins can change needs" on public.needs for update to authenticated using ((select public.is_admin())) with check ((select public.is_admin()));
create policy "admins can remove needs" on public.needs for delete to authenticated using ((select public.is_admin()));

alter table public.targets enable row level security;
create policy "anyone can read targets" on public.targets for select to anon, authenticated using (true);
create policy "admins can add targets" on public.targets for insert to authenticated with check ((select public.is_admin()));
create policy "admins can change targets" on public.targets for update to authenticated using ((select public.is_admin())) with check ((select public.is_admin()));
create policy "admins can remove targets" on public.targets for delete to authenticated using ((select public.is_admin()));

alter table public.ease enable row level security;
create policy "anyone can read ease" on public.ease for select to anon, authenticated using (true);
create policy "admins can add ease" on public.ease for insert to authenticated with check ((select public.is_admin()));
create policy "admins can change ease" on public.ease for update to authenticated using ((select public.is_admin())) with check ((select public.is_admin()));
create policy "admins can remove ease" on public.ease for delete to authenticated using ((select public.is_admin()));

alter table public.accessibility enable row level security;
create policy "anyone can read accessibility" on public.accessibility for select to anon, authenticated using (true);
create policy "admins can add accessibility" on public.accessibility for insert to authenticated with check ((select public.is_admin()));
create policy "admins can change accessibility" on public.accessibility for update to authenticated using ((select public.is_admin())) with check ((select public.is_admin()));
create policy "admins can remove accessibility" on public.accessibility for delete to authenticated using ((select public.is_admin()));

alter table public.languages enable row level security;
create policy "anyone can read languages" on public.languages for select to anon, authenticated using (true);
create policy "admins can add languages" on public.languages for insert to authenticated with check ((select public.is_admin()));
create policy "admins can change languages" on public.languages for update to authenticated using ((select public.is_admin())) with check ((select public.is_admin()));
create policy "admins can remove languages" on public.languages for delete to authenticated using ((select public.is_admin()));

-- organizations ----------------------------------------------------------------------------------
alter table public.organizations enable row level security;

create policy "visitors can read organizations with public listings" on public.organizations
  for select to anon, authenticated
  using (
    exists (
      select 1 from public.sites s
      where s.organization_id = organizations.id
        and s.status = 'published' and s.visibility = 'public' and not s.confidential
    )
    or exists (
      select 1 from public.menus m
      where m.organization_id = organizations.id
        and m.status = 'published' and m.visibility = 'public'
        and (m.site_id is null or exists (
          select 1 from public.sites s
          where s.id = m.site_id and s.status = 'published' and s.visibility = 'public' and not s.confidential
        ))
    )
  );
create policy "members of the project can read every organization" on public.organizations
  for select to authenticated
  using ((select public.user_role()) is not null);
create policy "admins can add organizations" on public.organizations
  for insert to authenticated with check ((select public.is_admin()));
create policy "admins can change organizations" on public.organizations
  for update to authenticated using ((select public.is_admin())) with check ((select public.is_admin()));
create policy "coordinators can change their own organizations" on public.organizations
  for update to authenticated
  using (id = any ((select public.my_organization_ids())::text[]))
  with check (id = any ((select public.my_organization_ids())::text[]));
create policy "admins can remove organizations" on public.organizations
  for delete to authenticated using ((select public.is_admin()));

-- only admins decide which organizations publish without review
create function public.guard_organization_trust()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.trusted is distinct from old.trusted
     and current_user in ('anon', 'authenticated')
     and not (select public.is_admin()) then
    raise exception 'only an admin can change whether an organization is trusted'
      using errcode = '42501', hint = 'ask the municipality''s admin';
  end if;
  return new;
end
$$;
comment on function public.guard_organization_trust() is 'Trigger: refuses a change of organizations.trusted by anyone but an admin (or the service role).';
create trigger organizations_guard_trust before update on public.organizations
  for each row execute function public.guard_organization_trust();

-- teams, profiles, memberships: admins manage; people read their own --------------------------
alter table public.teams enable row level security;
create policy "admins can read teams" on public.teams
  for select to authenticated using ((select public.is_admin()));
create policy "staff can read their own team" on public.teams
  for select to authenticated using (id = (select public.my_team_id()));
create policy "admins can add teams" on public.teams
  for insert to authenticated with check ((select public.is_admin()));
create policy "admins can change teams" on public.teams
  for update to authenticated using ((select public.is_admin())) with check ((select public.is_admin()));
create policy "admins can remove teams" on public.teams
  for delete to authenticated using ((select public.is_admin()));

alter table public.profiles enable row level security;
create policy "users can read their own profile" on public.profiles
  for select to authenticated using (id = (select auth.uid()));
create policy "admins can read every profile" on public.profiles
  for select to authenticated using ((select public.is_admin()));
create policy "admins can add profiles" on public.profiles
  for insert to authenticated with check ((select public.is_admin()));
create policy "admins can change profiles" on public.profiles
  for update to authenticated using ((select public.is_admin())) with check ((select public.is_admin()));
create policy "admins can remove profiles" on public.profiles
  for delete to authenticated using ((select public.is_admin()));

alter table public.organization_members enable row level security;
create policy "users can read their own memberships" on public.organization_members
  for select to authenticated using (user_id = (select auth.uid()));
create policy "admins can read every membership" on public.organization_members
  for select to authenticated using ((select public.is_admin()));
create policy "admins can add memberships" on public.organization_members
  for insert to authenticated with check ((select public.is_admin()));
create policy "admins can change memberships" on public.organization_members
  for update to authenticated using ((select public.is_admin())) with check ((select public.is_admin()));
create policy "admins can remove memberships" on public.organization_members
  for delete to authenticated using ((select public.is_admin()));

-- areas: public geography; admins manage -------------------------------------------------------
alter table public.areas enable row level security;
create policy "anyone can read areas" on public.areas
  for select to anon, authenticated using (true);
create policy "admins can add areas" on public.areas
  for insert to authenticated with check ((select public.is_admin()));
create policy "admins can change areas" on public.areas
  for update to authenticated using ((select public.is_admin())) with check ((select public.is_admin()));
create policy "admins can remove areas" on public.areas
  for delete to authenticated using ((select public.is_admin()));

-- sites --------------------------------------------------------------------------------------------
alter table public.sites enable row level security;
create policy "visitors can read published public sites" on public.sites
  for select to anon, authenticated
  using (status = 'published' and visibility = 'public' and not confidential);
create policy "staff can read every published site" on public.sites
  for select to authenticated
  using (status = 'published' and (select public.is_staff()));
create policy "coordinators can read every site of their organizations" on public.sites
  for select to authenticated
  using (organization_id = any ((select public.my_organization_ids())::text[]));
create policy "admins can read every site" on public.sites
  for select to authenticated using ((select public.is_admin()));
create policy "coordinators can add sites to their organizations" on public.sites
  for insert to authenticated
  with check (organization_id = any ((select public.my_organization_ids())::text[]));
create policy "admins can add sites" on public.sites
  for insert to authenticated with check ((select public.is_admin()));
create policy "coordinators can change their organizations' sites" on public.sites
  for update to authenticated
  using (organization_id = any ((select public.my_organization_ids())::text[]))
  with check (organization_id = any ((select public.my_organization_ids())::text[]));
create policy "admins can change sites" on public.sites
  for update to authenticated using ((select public.is_admin())) with check ((select public.is_admin()));
create policy "coordinators can remove their organizations' draft sites" on public.sites
  for delete to authenticated
  using (status = 'draft' and organization_id = any ((select public.my_organization_ids())::text[]));
create policy "admins can remove sites" on public.sites
  for delete to authenticated using ((select public.is_admin()));

-- menus --------------------------------------------------------------------------------------------
alter table public.menus enable row level security;
create policy "visitors can read published public menus at public sites" on public.menus
  for select to anon, authenticated
  using (
    status = 'published' and visibility = 'public'
    and (site_id is null or exists (
      select 1 from public.sites s
      where s.id = menus.site_id and s.status = 'published' and s.visibility = 'public' and not s.confidential
    ))
  );
create policy "staff can read every published menu, staff-only ones included" on public.menus
  for select to authenticated
  using (status = 'published' and (select public.is_staff()));
create policy "coordinators can read every menu of their organizations" on public.menus
  for select to authenticated
  using (organization_id = any ((select public.my_organization_ids())::text[]));
create policy "admins can read every menu" on public.menus
  for select to authenticated using ((select public.is_admin()));
create policy "coordinators can add menus to their organizations" on public.menus
  for insert to authenticated
  with check (organization_id = any ((select public.my_organization_ids())::text[]));
create policy "admins can add menus" on public.menus
  for insert to authenticated with check ((select public.is_admin()));
create policy "coordinators can change their organizations' menus" on public.menus
  for update to authenticated
  using (organization_id = any ((select public.my_organization_ids())::text[]))
  with check (organization_id = any ((select public.my_organization_ids())::text[]));
create policy "admins can change menus" on public.menus
  for update to authenticated using ((select public.is_admin())) with check ((select public.is_admin()));
create policy "coordinators can remove their organizations' draft menus" on public.menus
  for delete to authenticated
  using (status = 'draft' and organization_id = any ((select public.my_organization_ids())::text[]));
create policy "admins can remove menus" on public.menus
  for delete to authenticated using ((select public.is_admin()));

-- review: a coordinator of an organization that is not trusted cannot publish; an admin does
create function public.guard_listing_publication()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status = 'published'
     and (tg_op = 'INSERT' or old.status is distinct from 'published')
     and current_user in ('anon', 'authenticated')
     and not (select public.is_admin())
     and not coalesce((select o.trusted from public.organizations o where o.id = new.organization_id), false) then
    raise exception 'this organization''s listings are published after an admin''s review'
      using errcode = '42501', hint = 'save the listing with status ''pending'' to ask for review';
  end if;
  return new;
end
$$;
comment on function public.guard_listing_publication() is 'Trigger: only admins, and coordinators of trusted organizations, may publish a site or menu.';
create trigger sites_guard_publication before insert or update on public.sites
  for each row execute function public.guard_listing_publication();
create trigger menus_guard_publication before insert or update on public.menus
  for each row execute function public.guard_listing_publication();

-- history ------------------------------------------------------------------------------------------
alter table public.listing_revisions enable row level security;
create policy "admins can read every revision" on public.listing_revisions
  for select to authenticated using ((select public.is_admin()));
create policy "coordinators can read their organizations' revisions" on public.listing_revisions
  for select to authenticated
  using (organization_id = any ((select public.my_organization_ids())::text[]));

alter table public.audit_log enable row level security;
create policy "admins can read the audit log" on public.audit_log
  for select to authenticated using ((select public.is_admin()));
