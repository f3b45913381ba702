-- Rules that hold for the whole schema, so that a new table or function cannot slip past them:
-- RLS on every table in public, no security definer function without a fixed search_path, no
-- extension in public, nobody but the service role bypassing RLS, no write privilege for anon,
-- no truncate for API roles, a comment on every table.
begin;
select plan(11);

select is_empty(
  $$ select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relrowsecurity $$,
  'every table in public has row-level security enabled'
);

select is_empty(
  $$ select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname in ('public', 'auth') and p.prosecdef
       and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%') $$,
  'no security definer function lacks a fixed search_path'
);

select is_empty(
  $$ select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'public' and p.prosecdef
       and not ('search_path=""' = any (p.proconfig)) $$,
  'every security definer function in public runs with search_path = '''''
);

select is_empty(
  $$ select e.extname from pg_extension e join pg_namespace n on n.oid = e.extnamespace
     where n.nspname = 'public' $$,
  'no extension is installed in public'
);

select is(
  array(select e.extname::text from pg_extension e join pg_namespace n on n.oid = e.extnamespace
        where n.nspname = 'extensions' and e.extname in ('postgis', 'pg_trgm', 'pgcrypto') order by 1),
  array['pg_trgm', 'pgcrypto', 'postgis'],
  'postgis, pg_trgm and pgcrypto live in the extensions schema'
);

select is_empty(
  $$ select rolname from pg_roles where rolbypassrls and not rolsuper and rolname <> 'service_role' $$,
  'no role but service_role (and superusers) bypasses row-level security'
);

select is_empty(
  $$ select c.relname || ' ' || pr.privilege_type
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     cross join lateral aclexplode(c.relacl) pr
     where n.nspname = 'public' and c.relkind in ('r', 'p')
       and pr.grantee = 'anon'::regrole and pr.privilege_type not in ('SELECT') $$,
  'anon holds no privilege but select on any table'
);

select is_empty(
  $$ select c.relname || ' ' || pr.grantee::regrole::text
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     cross join lateral aclexplode(c.relacl) pr
     where n.nspname = 'public' and c.relkind in ('r', 'p')
       and pr.grantee in ('anon'::regrole, 'authenticated'::regrole) and pr.privilege_type = 'TRUNCATE' $$,
  'neither anon nor authenticated may truncate a table (truncate ignores row-level security)'
);

select is_empty(
  $$ select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p') and obj_description(c.oid, 'pg_class') is null $$,
  'every table in public has a comment'
);

select is_empty(
  $$ select tablename || ': ' || policyname from pg_policies
     where schemaname = 'public' and (policyname !~ ' ' or policyname ~ '^[a-z_]+$') $$,
  'every policy is named as a sentence'
);

select is_empty(
  $$ select tablename || ': ' || policyname from pg_policies
     where schemaname = 'public' and length(policyname) >= 63 $$,
  'no policy name was cut at the 63-character identifier limit'
);

select * from finish();
rollback;
