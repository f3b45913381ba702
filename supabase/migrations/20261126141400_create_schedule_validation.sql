-- Schedules are stored as jsonb in the shape of the domain's Schedule (src/domain/model.ts), so the
-- app reads and writes them without mapping:
--   { "rules": [ { "freq": "WEEKLY"|"MONTHLY", "interval": 1..4, "byday": ["TU", "2WE", "-1FR"],
--                  "opensAt": "HH:MM", "closesAt": "HH:MM", "validFrom"?: "YYYY-MM-DD",
--                  "validTo"?: "YYYY-MM-DD" } ],
--     "closedOnHolidays": bool, "irregular": bool, "note"?: string (≤ 500) }
-- public.schedule_problem() returns why a schedule is impossible (null when it is fine); a check
-- constraint on menus uses it, and the menus trigger raises its message first so that the error
-- says what is wrong rather than naming a constraint.

create function public.schedule_problem(schedule jsonb)
returns text
language plpgsql
immutable
parallel safe
as $$
declare
  rule jsonb;
  key text;
  d text;
  valid_from date;
  valid_to date;
  n int := 0;
  occurs boolean;
begin
  if schedule is null or jsonb_typeof(schedule) <> 'object' then
    return 'schedule must be an object';
  end if;
  for key in select jsonb_object_keys(schedule) loop
    if key not in ('rules', 'closedOnHolidays', 'irregular', 'note') then
      return format('unknown schedule key "%s"', key);
    end if;
  end loop;
  if jsonb_typeof(schedule -> 'rules') is distinct from 'array' then return 'schedule.rules must be an array'; end if;
  if jsonb_typeof(schedule -> 'closedOnHolidays') is distinct from 'boolean' then return 'schedule.closedOnHolidays must be true or false'; end if;
  if jsonb_typeof(schedule -> 'irregular') is distinct from 'boolean' then return 'schedule.irregular must be true or false'; end if;
  if schedule ? 'note' and (jsonb_typeof(schedule -> 'note') <> 'string' or length(schedule ->> 'note') > 500) then
    return 'schedule.note must be text of at most 500 characters';
  end if;

  for rule in select value from jsonb_array_elements(schedule -> 'rules') loop
    n := n + 1;
    if jsonb_typeof(rule) <> 'object' then return format('rule %s must be an object', n); end if;
    for key in select jsonb_object_keys(rule) loop
      if key not in ('freq', 'interval', 'byday', 'opensAt', 'closesAt', 'validFrom', 'validTo') then
        return format('rule %s: unknown key "%s"', n, key);
      end if;
    end loop;
    if (rule ->> 'freq') is null or (rule ->> 'freq') not in ('WEEKLY', 'MONTHLY') then
      return format('rule %s: freq must be WEEKLY or MONTHLY', n);
    end if;
    if jsonb_typeof(rule -> 'interval') is distinct from 'number'
       or (rule ->> 'interval') !~ '^[1-4]$' then
      return format('rule %s: interval must be a whole number from 1 to 4', n);
    end if;
    if jsonb_typeof(rule -> 'byday') is distinct from 'array' or jsonb_array_length(rule -> 'byday') = 0 then
      return format('rule %s: byday must list at least one day', n);
    end if;
    for d in select value from jsonb_array_elements_text(rule -> 'byday') loop
      if d !~ '^(-1|[1-4])?(MO|TU|WE|TH|FR|SA|SU)$' then
        return format('rule %s: "%s" is not a day (use TU, or 2WE / -1FR in monthly rules)', n, d);
      end if;
      if rule ->> 'freq' = 'WEEKLY' and d ~ '^-?[0-9]' then
        return format('rule %s: a weekly rule cannot name the n-th weekday "%s"', n, d);
      end if;
      if rule ->> 'freq' = 'MONTHLY' and d !~ '^-?[0-9]' then
        return format('rule %s: a monthly rule needs the n-th or last weekday, not "%s"', n, d);
      end if;
    end loop;
    if coalesce(rule ->> 'opensAt', '') !~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'
       or coalesce(rule ->> 'closesAt', '') !~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' then
      return format('rule %s: opensAt and closesAt must be HH:MM (00:00–23:59)', n);
    end if;
    if (rule ->> 'closesAt') <= (rule ->> 'opensAt') then
      return format('rule %s: closes at %s, not after it opens at %s', n, rule ->> 'closesAt', rule ->> 'opensAt');
    end if;
    valid_from := null;
    valid_to := null;
    begin
      if rule ? 'validFrom' then
        if (rule ->> 'validFrom') !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then raise invalid_datetime_format; end if;
        valid_from := (rule ->> 'validFrom')::date;
      end if;
      if rule ? 'validTo' then
        if (rule ->> 'validTo') !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then raise invalid_datetime_format; end if;
        valid_to := (rule ->> 'validTo')::date;
      end if;
    exception when invalid_datetime_format or datetime_field_overflow then
      return format('rule %s: validFrom and validTo must be real dates (YYYY-MM-DD)', n);
    end;
    if (rule ->> 'interval')::int > 1 and valid_from is null then
      return format('rule %s: every %s weeks/months needs validFrom, the first date, as the anchor', n, rule ->> 'interval');
    end if;
    if valid_to < valid_from then
      return format('rule %s: validTo %s is before validFrom %s', n, valid_to, valid_from);
    end if;
    -- a bounded rule must have at least one session between its dates
    if valid_from is not null and valid_to is not null then
      select exists (
        select 1
        from generate_series(valid_from, valid_to, interval '1 day') as g(day)
        cross join lateral jsonb_array_elements_text(rule -> 'byday') as b(code)
        where
          -- weekday: MO=1 … SU=7 (isodow)
          extract(isodow from g.day) = array_position(array['MO','TU','WE','TH','FR','SA','SU'], right(b.code, 2))
          -- ordinal: n-th weekday of the month, or the last one
          and case
            when b.code ~ '^-1' then extract(month from g.day + interval '7 days') <> extract(month from g.day)
            when b.code ~ '^[1-4]' then ceil(extract(day from g.day) / 7.0) = left(b.code, 1)::int
            else true
          end
          -- interval: weeks (Monday-based) or months since the anchor
          and case
            when rule ->> 'freq' = 'WEEKLY' then
              ((date_trunc('week', g.day)::date - date_trunc('week', valid_from)::date) / 7) % (rule ->> 'interval')::int = 0
            else
              ((extract(year from g.day) - extract(year from valid_from)) * 12
                + extract(month from g.day) - extract(month from valid_from))::int % (rule ->> 'interval')::int = 0
          end
        limit 1
      ) into occurs;
      if not occurs then
        return format('rule %s: no session can fall between %s and %s', n, valid_from, valid_to);
      end if;
    end if;
  end loop;
  return null;
end
$$;
comment on function public.schedule_problem(jsonb) is
  'Why a menu schedule (jsonb, the domain Schedule shape) is invalid or cannot occur; null when it is valid.';

-- weekday codes (MO…SU) on which any rule of the schedule can hold a session: the public weekday filter
create function public.schedule_weekdays(schedule jsonb)
returns text[]
language sql
immutable
parallel safe
as $$
  select coalesce(array_agg(distinct right(b.code, 2)), '{}')
  from jsonb_array_elements(coalesce(schedule -> 'rules', '[]')) as r(rule)
  cross join lateral jsonb_array_elements_text(r.rule -> 'byday') as b(code)
$$;
comment on function public.schedule_weekdays(jsonb) is
  'Weekday codes (MO…SU) on which the schedule has sessions, ignoring week ordinals and dates.';
