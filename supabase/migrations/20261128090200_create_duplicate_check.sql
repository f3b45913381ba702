-- Duplicate check (issue 4, item 9): before a new listing is created or imported, the sites with a
-- similar name within 100 m. The same rule as src/domain/import/duplicates.ts: names compared after
-- normalize_search_text (= normalizeForSearch) by the Dice coefficient of character bigrams,
-- at least 0.8; distance on the sphere (as the app's haversine).

create function public.bigram_dice(a text, b text)
returns double precision
language sql
immutable
parallel safe
as $$
  select case
    when a = b then 1.0::double precision
    when length(a) < 2 or length(b) < 2 then 0.0::double precision
    else 2.0 * (
      select coalesce(sum(least(ga.n, gb.n)), 0)
      from (select substr(a, i, 2) as g, count(*) as n from generate_series(1, length(a) - 1) i group by 1) ga
      join (select substr(b, i, 2) as g, count(*) as n from generate_series(1, length(b) - 1) i group by 1) gb using (g)
    ) / ((length(a) - 1) + (length(b) - 1))
  end
$$;
comment on function public.bigram_dice(text, text) is 'Dice coefficient of the character-bigram multisets of two strings (1 when equal, 0 when either is shorter than 2): bigramDice of src/domain/import/duplicates.ts.';

create function public.find_duplicate_sites(
  name text,
  lng double precision,
  lat double precision,
  exclude_id text default null,
  radius_m double precision default 100,
  min_similarity double precision default 0.8
)
returns table (id text, site_name text, organization_id text, status text, distance_m double precision, similarity double precision)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  caller_role text := public.user_role();
  sees_all boolean;
  caller_orgs text[] := public.my_organization_ids();
  norm text := public.normalize_search_text(name);
  here extensions.geography;
begin
  if caller_role is null and coalesce(auth.role(), '') <> 'service_role' then
    raise exception '重複の確認は、サインインした担当者だけが使えます。' using errcode = '42501';
  end if;
  if lng is null or lat is null or lng not between 122 and 154 or lat not between 20 and 46 then
    raise exception '位置は日本の範囲（経度 122〜154、緯度 20〜46）で指定してください。' using errcode = '22023';
  end if;
  if radius_m is null or radius_m <= 0 or radius_m > 1000 then
    raise exception '半径は 0 より大きく 1000 m 以下で指定してください。' using errcode = '22023';
  end if;
  if coalesce(norm, '') = '' then
    raise exception '名称を入力してください。' using errcode = '22023';
  end if;
  sees_all := caller_role in ('admin', 'staff') or caller_role is null; -- null here: the service role
  here := extensions.st_setsrid(extensions.st_makepoint(lng, lat), 4326)::extensions.geography;
  return query
    select s.id, s.name, s.organization_id, s.status,
      extensions.st_distance(s.location, here, false),
      public.bigram_dice(norm, public.normalize_search_text(s.name))
    from public.sites s
    where extensions.st_dwithin(s.location, here, radius_m, false)
      and (exclude_id is null or s.id <> exclude_id)
      and (sees_all or public.is_public_site(s.status, s.visibility, s.confidential) or s.organization_id = any (caller_orgs))
      and public.bigram_dice(norm, public.normalize_search_text(s.name)) >= min_similarity
    order by 5, 1;
end
$$;
comment on function public.find_duplicate_sites(text, double precision, double precision, text, double precision, double precision) is 'Sites with a similar normalized name (bigram Dice ≥ min_similarity, default 0.8) within radius_m (default 100 m, sphere) of the point, nearest first; staff, admins and the service role see every site, coordinators the public ones and their own. For the warning on create and import.';
revoke execute on function public.find_duplicate_sites(text, double precision, double precision, text, double precision, double precision) from public, anon;
grant execute on function public.find_duplicate_sites(text, double precision, double precision, text, double precision, double precision) to authenticated, service_role;
