-- editor_organizations counted the listings the caller may read under RLS, so staff (who read
-- published listings only) saw other numbers than the local source gives (every site and menu).
-- Now it counts every listing, for signed-in members of the project; visitors get nothing.
create or replace function public.editor_organizations()
returns table (id text, name text, kind text, trusted boolean, listings integer)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if public.user_role() is null then
    raise exception '団体の一覧は、サインインした担当者だけが見られます。' using errcode = '42501';
  end if;
  return query
    select o.id, o.name, o.kind, o.trusted,
      ((select count(*) from public.sites s where s.organization_id = o.id)
       + (select count(*) from public.menus m where m.organization_id = o.id))::integer
    from public.organizations o
    order by o.name, o.id;
end
$$;
comment on function public.editor_organizations() is 'Organizations with the number of their sites and menus (all of them, as the local source counts), for signed-in members of the project.';
