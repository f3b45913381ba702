-- Check digits of the two public codes a listing carries. Both mirror src/domain and back the
-- check constraints on organizations and sites.

-- 全国地方公共団体コード: 5-digit JIS code + check digit; check = (11 − Σ(dᵢ·[6,5,4,3,2]) mod 11) mod 10
create function public.is_valid_municipality_code(code text)
returns boolean
language sql
immutable
strict
parallel safe
as $$
  select code ~ '^[0-9]{6}$'
    and (11 - (
          6 * substr(code, 1, 1)::int + 5 * substr(code, 2, 1)::int + 4 * substr(code, 3, 1)::int
        + 3 * substr(code, 4, 1)::int + 2 * substr(code, 5, 1)::int
        ) % 11) % 10 = substr(code, 6, 1)::int
$$;
comment on function public.is_valid_municipality_code(text) is
  '全国地方公共団体コード (6 digits) with a correct check digit (総務省); mirrors src/domain/municipality-code.ts.';

-- 法人番号: 13 digits, the first a check digit over the other 12:
-- check = 9 − (Σ Pn·Qn mod 9), Pn the n-th digit from the right, Qn = 1 for odd n and 2 for even n
create function public.is_valid_corporate_number(value text)
returns boolean
language sql
immutable
strict
parallel safe
as $$
  select value ~ '^[0-9]{13}$'
    and 9 - (
      select sum(substr(value, 14 - n, 1)::int * case when n % 2 = 1 then 1 else 2 end)
      from generate_series(1, 12) as n
    ) % 9 = substr(value, 1, 1)::int
$$;
comment on function public.is_valid_corporate_number(text) is
  '法人番号 (13 digits) with a correct check digit (国税庁); mirrors src/domain/corporate-number.ts.';
