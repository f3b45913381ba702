-- Organizations (運営団体) and the people who sign in: every account has a profile with one role.
--   admin        the municipality's 重層 office: manages everything (audited)
--   staff        参加支援 staff: read staff-only menus; belong to a team, which owns cases later
--   coordinator  maintains the listings of the organizations they are a member of (one or more)
-- Ids are text: the domain model treats ids as opaque strings, and the demo data set and imports
-- keep their own ids; new rows get a uuid.

create table public.organizations (
  id text primary key default extensions.gen_random_uuid()::text check (id ~ '^[A-Za-z0-9_.:-]{1,64}$'),
  name text not null check (length(name) between 1 and 200),
  kana text check (length(kana) <= 200),
  kind text not null check (kind in (
    'social_welfare_council', 'npo', 'social_welfare_corporation', 'government',
    'neighborhood_association', 'company', 'voluntary_group'
  )),
  corporate_number text check (public.is_valid_corporate_number(corporate_number)),
  trusted boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.organizations is '運営団体: organizations that run sites and menus (社協, NPO, 行政, 自治会, 企業, 任意団体).';
comment on column public.organizations.corporate_number is '法人番号: 13 digits with a valid check digit, or null';
comment on column public.organizations.trusted is 'a trusted organization''s coordinators may publish without an admin''s review; only admins change it';

create table public.teams (
  id text primary key default extensions.gen_random_uuid()::text check (id ~ '^[A-Za-z0-9_.:-]{1,64}$'),
  name text not null check (length(name) between 1 and 200),
  organization_id text references public.organizations (id) on delete set null,
  created_at timestamptz not null default now()
);
comment on table public.teams is '参加支援 teams (a municipality desk or a contracted agency). Staff belong to one; cases, referrals and unmet needs (a later issue) will be owned by a team.';
comment on column public.teams.organization_id is 'the organization that runs the team, if it is one of the listed organizations';
create index teams_organization_id_idx on public.teams (organization_id);

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text not null default '' check (length(display_name) <= 100),
  role text not null check (role in ('admin', 'staff', 'coordinator')),
  team_id text references public.teams (id) on delete restrict,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint profiles_staff_have_a_team check (role <> 'staff' or team_id is not null)
);
comment on table public.profiles is 'One row per account (auth.users) with its role: admin, staff or coordinator. Created and changed by admins only; an account without a profile has no more rights than a visitor.';
comment on column public.profiles.team_id is 'the 参加支援 team of a staff member (required for staff)';
create index profiles_team_id_idx on public.profiles (team_id);

create table public.organization_members (
  organization_id text not null references public.organizations (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (organization_id, user_id)
);
comment on table public.organization_members is 'Which organizations a coordinator maintains (one or more each).';
create index organization_members_user_id_idx on public.organization_members (user_id);
