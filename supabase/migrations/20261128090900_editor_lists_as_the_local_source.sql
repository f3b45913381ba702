-- The editor's lists as the local source makes them (src/data/local/editor-core.ts), so both data
-- sources show a coordinator the same things:
-- - stale means more than N days since the last confirmation (isStale in src/domain/freshness.ts),
--   not N or more, in editor_listings and stale_listings; editor_listings' stale filter keeps
--   archived listings as the local one does (stale_listings still leaves them out);
-- - the rejection note shows while the latest request of the listing, of any status, is the rejected
--   one (a withdrawn request after it hides it);
-- - a report about a menu counts on the menu, not on its site;
-- - at most 2,000 rows by default.

create or replace function public.editor_listings(org_id text default null, stale_only boolean default false, stale_after_days integer default 180, max_rows integer default 2000)
returns table (
  kind text, id text, organization_id text, name text, site_id text, status text, last_verified date, updated_at timestamptz,
  stale boolean, pending_change_id bigint, rejected_change_id bigint, rejected_comment text, rejected_at timestamptz, open_reports integer
)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  caller_role text := public.user_role();
  caller_orgs text[] := public.my_organization_ids();
  cutoff date;
begin
  if caller_role is null then
    raise exception '掲載の一覧は、サインインした担当者だけが見られます。' using errcode = '42501';
  end if;
  if caller_role = 'coordinator' and org_id is not null and not (org_id = any (caller_orgs)) then
    raise exception 'ほかの団体の掲載は見られません。' using errcode = '42501';
  end if;
  if stale_after_days is null or stale_after_days < 1 or stale_after_days > 3650 then
    raise exception '日数は 1 から 3650 の間で指定してください。' using errcode = '22023';
  end if;
  if max_rows is null or max_rows < 1 or max_rows > 10000 then
    raise exception 'max_rows は 1 から 10000 の間で指定してください。' using errcode = '22023';
  end if;
  cutoff := public.today_in_japan() - stale_after_days;
  return query
    with listed as (
      select 'site'::text as kind, s.id, s.organization_id, s.name, null::text as site_id, s.status, s.last_verified, s.updated_at
      from public.sites s
      union all
      select 'menu', m.id, m.organization_id, m.title, m.site_id, m.status, m.last_verified, m.updated_at
      from public.menus m
      union all -- new listings that wait for approval exist only as proposals
      select c.kind, c.listing_id, c.organization_id, coalesce(c.proposed ->> 'name', c.proposed ->> 'title'), c.proposed ->> 'site_id',
        c.proposed ->> 'status', coalesce((c.proposed ->> 'last_verified')::date, c.submitted_at::date), (c.proposed ->> 'updated_at')::timestamptz
      from public.listing_changes c where c.status = 'pending' and c.action = 'create'
    )
    select l.kind, l.id, l.organization_id, l.name, l.site_id, l.status, l.last_verified,
      coalesce((p.proposed ->> 'updated_at')::timestamptz, l.updated_at),
      l.last_verified < cutoff,
      p.id,
      rj.id, rj.comment, rj.reviewed_at,
      (select count(*)::integer from public.error_reports e
       where e.status = 'open' and (case l.kind when 'site' then e.site_id = l.id and e.menu_id is null else e.menu_id = l.id end))
    from listed l
    left join public.listing_changes p on p.kind = l.kind and p.listing_id = l.id and p.status = 'pending'
    left join lateral (
      select c.id, c.comment, c.reviewed_at, c.submitted_at, c.status from public.listing_changes c
      where c.kind = l.kind and c.listing_id = l.id
      order by c.submitted_at desc, c.id desc limit 1
    ) latest on true
    left join lateral (select latest.id, latest.comment, coalesce(latest.reviewed_at, latest.submitted_at) as reviewed_at where latest.status = 'rejected') rj on true
    where (caller_role in ('admin', 'staff') or l.organization_id = any (caller_orgs))
      and (org_id is null or l.organization_id = org_id)
      and (not stale_only or l.last_verified < cutoff)
    order by l.name, l.kind, l.id
    limit max_rows;
end
$$;
comment on function public.editor_listings(text, boolean, integer, integer) is 'The listings the caller maintains (coordinators: their organizations''; staff and admins: any, org_id to narrow), including new ones that wait for approval: token (the proposal''s while one waits), stale (last_verified more than stale_after_days ago, as isStale in src/domain/freshness.ts), the pending request, the latest request when it was rejected (comment), open error reports (on a site: those not about one of its menus).';

create or replace function public.stale_listings(days integer default 180)
returns table (
  kind text, id text, organization_id text, name text, status text, last_verified date, days_since integer, updated_at timestamptz
)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  caller_role text := public.user_role();
  caller_orgs text[] := public.my_organization_ids();
  cutoff date;
begin
  if caller_role is null then
    raise exception '確認が古い掲載の一覧は、サインインした担当者だけが見られます。' using errcode = '42501';
  end if;
  if days is null or days < 1 or days > 3650 then
    raise exception '日数は 1 から 3650 の間で指定してください（いま %）。', days using errcode = '22023';
  end if;
  cutoff := public.today_in_japan() - days;
  return query
    select x.kind, x.id, x.organization_id, x.name, x.status, x.last_verified, public.today_in_japan() - x.last_verified, x.updated_at
    from (
      select 'site'::text as kind, s.id, s.organization_id, s.name, s.status, s.last_verified, s.updated_at
      from public.sites s where s.last_verified < cutoff and s.status <> 'archived'
      union all
      select 'menu', m.id, m.organization_id, m.title, m.status, m.last_verified, m.updated_at
      from public.menus m where m.last_verified < cutoff and m.status <> 'archived'
    ) x
    where caller_role in ('admin', 'staff') or x.organization_id = any (caller_orgs)
    order by x.last_verified, x.kind, x.id;
end
$$;
comment on function public.stale_listings(integer) is 'Sites and menus (not archived) whose last_verified is more than `days` (default 180) days ago (isStale of src/domain/freshness.ts) in Japan, oldest first. Coordinators: their organizations''; staff and admins: all.';
