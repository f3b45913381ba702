-- Error reports from the public site page (issue 4, item 8): anyone, without an account, tells the
-- organization that a listing is wrong (closed, other days, another place …). No personal data:
-- a short message, refused when it looks like a phone number or an e-mail address; no name, no
-- contact, no IP address (only a salted hash of the client, for the rate limit, in a table no API
-- role reads, kept for a day). Moderated: staff and admins resolve or dismiss; coordinators see the
-- reports on their organizations' listings (not the dismissed ones) and may mark them resolved.
--
-- Written through public.report_listing_error() only. Rate limit (PT429, HTTP 429 through
-- PostgREST): at most 5 reports per client per hour, where the client is the first address of
-- X-Forwarded-For (or X-Real-IP / CF-Connecting-IP) from PostgREST's request.headers; and at most
-- 10 per site per hour from all clients together, which also holds when no header is available.

create table public.error_reports (
  id bigint generated always as identity primary key,
  site_id text not null references public.sites (id) on delete cascade,
  menu_id text references public.menus (id) on delete cascade,
  organization_id text not null references public.organizations (id) on delete cascade,
  kind text not null check (kind in ('closed', 'schedule', 'place', 'contact', 'content', 'other')),
  message text not null check (length(message) between 1 and 500),
  status text not null default 'open' check (status in ('open', 'resolved', 'dismissed')),
  created_at timestamptz not null default now(),
  moderated_by uuid,
  moderated_at timestamptz,
  moderation_note text check (length(moderation_note) <= 500)
);
comment on table public.error_reports is 'Error reports on public listings from anyone (no account, no personal data), moderated by staff and admins; written by report_listing_error() only.';
comment on column public.error_reports.kind is 'what is wrong: closed (閉鎖・休止), schedule (日時), place (場所), contact (連絡先), content (内容), other';
comment on column public.error_reports.organization_id is 'the site''s organization when reported, for coordinators'' access';
create index error_reports_site_id_idx on public.error_reports (site_id, created_at desc);
create index error_reports_menu_id_idx on public.error_reports (menu_id);
create index error_reports_organization_id_idx on public.error_reports (organization_id, status);
create index error_reports_open_idx on public.error_reports (created_at) where status = 'open';

-- the rate limit's memory: a salted hash of the client, never read through the API
create table public.error_report_clients (
  report_id bigint primary key references public.error_reports (id) on delete cascade,
  client_hash text not null,
  created_at timestamptz not null default now()
);
comment on table public.error_report_clients is 'For the error-report rate limit only: a salted SHA-256 of the reporting client''s address per report, deleted after a day; no API role reads it.';
create index error_report_clients_hash_idx on public.error_report_clients (client_hash, created_at);
create index error_report_clients_created_at_idx on public.error_report_clients (created_at);

alter table public.error_reports enable row level security;
alter table public.error_report_clients enable row level security;
revoke all on public.error_report_clients from anon, authenticated;
revoke insert, update, delete on public.error_reports from anon, authenticated;

create policy "staff and admins can read every error report" on public.error_reports
  for select to authenticated
  using ((select public.is_admin()) or (select public.is_staff()));
create policy "coordinators can read reports on their listings" on public.error_reports
  for select to authenticated
  using (status <> 'dismissed' and organization_id = any ((select public.my_organization_ids())::text[]));

create trigger error_reports_record_audit after update or delete on public.error_reports
  for each row execute function public.record_audit();

-- does the text look like personal contact data? (after NFKC: full-width digits and ＠ fold)
create function public.looks_like_personal_data(message text)
returns boolean
language sql
immutable
parallel safe
as $$
  select
    -- an e-mail address
    normalize(message, NFKC) ~* '[a-z0-9._%+-]+\s*@\s*[a-z0-9.-]+\.[a-z]{2,}'
    -- a Japanese phone number: 0 and 9–10 more digits, each optionally followed by one hyphen, dash,
    -- space or bracket (03-1234-5678, 090 1234 5678, 0120(123)456), or the same after +81
    or normalize(message, NFKC) ~ '(^|[^0-9])0([0-9][-‐‑–—−ー() ]?){8,9}[0-9]($|[^0-9])'
    or normalize(message, NFKC) ~ '\+81[-‐‑–—−ー() ]?([0-9][-‐‑–—−ー() ]?){8,9}[0-9]($|[^0-9])'
$$;
comment on function public.looks_like_personal_data(text) is 'True when the text contains something like an e-mail address or a phone number (0 and 9–10 more digits, or +81 …), after NFKC.';

create function public.report_listing_error(site_id text, kind text, message text, menu_id text default null)
returns bigint
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  site public.sites;
  text_in text := btrim(coalesce(message, ''));
  headers jsonb;
  client text;
  hashed text;
  report_id bigint;
begin
  select * into site from public.sites s where s.id = report_listing_error.site_id;
  if not found or not public.is_public_site(site.status, site.visibility, site.confidential) then
    raise exception '報告先の場所が見つかりません。' using errcode = '22023', hint = '公開されている場所のページから送ってください。';
  end if;
  if menu_id is not null and not exists (
    select 1 from public.menus m
    where m.id = report_listing_error.menu_id and m.site_id = report_listing_error.site_id
      and m.status = 'published' and m.visibility = 'public'
  ) then
    raise exception '報告先のメニューが見つかりません。' using errcode = '22023';
  end if;
  if kind is null or kind not in ('closed', 'schedule', 'place', 'contact', 'content', 'other') then
    raise exception 'どこが違うかを選んでください。' using errcode = '22023',
      hint = 'kind: closed, schedule, place, contact, content, other';
  end if;
  if length(text_in) = 0 then
    raise exception '違っている内容を書いてください。' using errcode = '22023';
  end if;
  if length(text_in) > 500 then
    raise exception '500文字以内で書いてください（いま % 文字）。', length(text_in) using errcode = '22023';
  end if;
  if public.looks_like_personal_data(text_in) then
    raise exception '電話番号やメールアドレスのような、個人の連絡先は書かないでください。' using errcode = '22023',
      hint = 'この報告は返信しません。場所の電話番号が違うときは「連絡先が違う」を選んで、番号は書かずに送ってください。';
  end if;

  -- rate limit: one report at a time per site, then count the last hour
  perform pg_advisory_xact_lock(hashtext('kasane.error_reports:' || site.id));
  begin
    headers := nullif(current_setting('request.headers', true), '')::jsonb;
  exception when others then
    headers := null;
  end;
  client := btrim(split_part(coalesce(headers ->> 'x-forwarded-for', headers ->> 'x-real-ip', headers ->> 'cf-connecting-ip', ''), ',', 1));
  if client <> '' then
    hashed := encode(extensions.digest('kasane-error-report:' || public.today_in_japan()::text || ':' || client, 'sha256'), 'hex');
    perform pg_advisory_xact_lock(hashtext('kasane.error_reports:' || hashed));
    if (select count(*) from public.error_report_clients c
        where c.client_hash = hashed and c.created_at > now() - interval '1 hour') >= 5 then
      raise sqlstate 'PT429' using message = '短い時間に報告が多すぎます。1時間ほどたってから、もう一度送ってください。';
    end if;
  end if;
  if (select count(*) from public.error_reports r
      where r.site_id = site.id and r.created_at > now() - interval '1 hour') >= 10 then
    raise sqlstate 'PT429' using message = 'この場所への報告が多すぎます。1時間ほどたってから、もう一度送ってください。';
  end if;

  insert into public.error_reports (site_id, menu_id, organization_id, kind, message)
  values (site.id, menu_id, site.organization_id, kind, text_in)
  returning id into report_id;
  if hashed is not null then
    insert into public.error_report_clients (report_id, client_hash) values (report_id, hashed);
  end if;
  delete from public.error_report_clients c where c.created_at < now() - interval '1 day';
  return report_id;
end
$$;
comment on function public.report_listing_error(text, text, text, text) is 'Anyone: reports an error on a public site (and optionally one of its public menus). kind closed/schedule/place/contact/content/other; message 1–500 characters without phone numbers or e-mail addresses (22023); at most 5 per client and 10 per site per hour (PT429). Returns the report id.';

create function public.moderate_error_report(report_id bigint, new_status text, note text default null)
returns public.error_reports
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  report public.error_reports;
begin
  if new_status is null or new_status not in ('open', 'resolved', 'dismissed') then
    raise exception '状態は open, resolved, dismissed のどれかです。' using errcode = '22023';
  end if;
  if length(note) > 500 then
    raise exception 'メモは500文字以内で書いてください。' using errcode = '22023';
  end if;
  select * into report from public.error_reports r where r.id = report_id for update;
  if not found then
    raise exception '報告 % はありません。', report_id using errcode = '22023';
  end if;
  if not (public.is_admin() or public.is_staff()
          or (new_status = 'resolved' and report.status <> 'dismissed' and public.is_member_of(report.organization_id))) then
    raise exception 'この報告の状態は変えられません。' using errcode = '42501',
      hint = '職員と管理者は報告を解決済み・却下にできます。団体のコーディネーターは自分の団体への報告を解決済みにできます。';
  end if;
  update public.error_reports r set status = new_status, moderation_note = nullif(btrim(coalesce(note, '')), ''),
    moderated_by = case when new_status = 'open' then null else auth.uid() end,
    moderated_at = case when new_status = 'open' then null else now() end
  where r.id = report_id returning * into report;
  return report;
end
$$;
comment on function public.moderate_error_report(bigint, text, text) is 'Staff and admins: mark an error report resolved, dismissed (spam, not an error) or open again; coordinators: mark a report on their organization''s listing resolved.';

create function public.resolve_error_report(report_id bigint, note text default null)
returns public.error_reports
language sql
volatile
security invoker
set search_path = ''
as $$
  select * from public.moderate_error_report(report_id, 'resolved', note)
$$;
comment on function public.resolve_error_report(bigint, text) is 'moderate_error_report(id, ''resolved'', note).';

create function public.dismiss_error_report(report_id bigint, note text default null)
returns public.error_reports
language sql
volatile
security invoker
set search_path = ''
as $$
  select * from public.moderate_error_report(report_id, 'dismissed', note)
$$;
comment on function public.dismiss_error_report(bigint, text) is 'moderate_error_report(id, ''dismissed'', note).';

revoke execute on function public.moderate_error_report(bigint, text, text), public.resolve_error_report(bigint, text),
  public.dismiss_error_report(bigint, text) from public, anon;
grant execute on function public.moderate_error_report(bigint, text, text), public.resolve_error_report(bigint, text),
  public.dismiss_error_report(bigint, text) to authenticated, service_role;
grant execute on function public.report_listing_error(text, text, text, text) to anon, authenticated, service_role;
