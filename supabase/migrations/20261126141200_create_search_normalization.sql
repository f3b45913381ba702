-- Keyword normalization, the same as src/domain/search/normalize.ts (normalizeForSearch), so that a
-- keyword finds the same listings through the local source and through the RPCs. Both sides go
-- through the same steps; matching is then a plain substring test:
--   1. NFKC (full-width ASCII → ASCII, half-width katakana → katakana, U+3000 → space)
--   2. lower case
--   3. katakana → hiragana (ァ–ヶ, ヽヾ: 0x60 below; ヷヸヹヺ → わゐゑを + combining dakuten U+3099)
--   4. every dash or long-vowel variant (- ‐ ‑ ‒ – — ― − ⸺ ⸻; ｰ and － fold in step 1) → ー; 〜 and ~ are kept
--   5. whitespace (including U+3000, zero-width spaces, BOM) and middle dots (・ ･ ·) are dropped
--      (when a dropped character stood before a combining mark, the result is composed again)
--   6. long-vowel marks that end the string right after kana are dropped (センター → せんた), so
--      コンピューター and コンピュータ find each other.
-- tests/db/normalize.test.ts runs one table of cases and random strings through both functions.
--
-- The translate() tables are built here from code point ranges rather than typed out, so that no
-- invisible character hides in the source; the function body itself holds them as literals.
do $migration$
declare
  katakana text;
  hiragana text;
  dashes text := chr(45) || chr(8208) || chr(8209) || chr(8210) || chr(8211) || chr(8212) || chr(8213)
    || chr(8722) || chr(11834) || chr(11835);
  dropped text := chr(32) || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(133) || chr(5760)
    || chr(8203) || chr(8204) || chr(8205) || chr(8232) || chr(8233) || chr(8287) || chr(12288) || chr(65279)
    || chr(12539) || chr(183);
  -- code points that can never join the letter before them under NFKC (normalize.ts mayCompose)
  never_composing text := chr(1) || '-' || chr(767) || chr(12353) || '-' || chr(12438)
    || chr(12449) || '-' || chr(12540) || chr(19968) || '-' || chr(40959);
begin
  select string_agg(chr(c), '' order by c), string_agg(chr(c - 96), '' order by c)
    into katakana, hiragana
    from (select generate_series(12449, 12534) as c union all select 12541 union all select 12542) k; -- ァ..ヶ, ヽ, ヾ

  execute format($f$
    create function public.normalize_search_text(value text)
    returns text
    language sql
    immutable
    strict
    parallel safe
    as $body$
      select regexp_replace(
        -- removing a character can put a combining mark next to a new base letter ('か ゙' → 'が'):
        -- compose again, as normalize.ts does, only when that can happen
        case when x.t ~ %L then normalize(x.folded, nfkc) else x.folded end,
        '([ぁ-ゟ])ー+$', '\1'
      )
      from (
        select a.t,
          translate(
            replace(replace(replace(replace(a.t,
              chr(12535), chr(12431) || chr(12441)),  -- ヷ → わ゙
              chr(12536), chr(12432) || chr(12441)),  -- ヸ → ゐ゙
              chr(12537), chr(12433) || chr(12441)),  -- ヹ → ゑ゙
              chr(12538), chr(12434) || chr(12441)),  -- ヺ → を゙
            %L,  -- katakana, dashes, then the dropped characters
            %L   -- hiragana, ー for each dash; nothing for the dropped ones, so translate removes them
          ) as folded
        from (select lower(normalize(value, nfkc)) as t) a
      ) x
    $body$
  $f$,
  '[' || dropped || '][^' || never_composing || ']',
  katakana || dashes || dropped,
  hiragana || repeat(chr(12540), length(dashes)));
end
$migration$;

comment on function public.normalize_search_text(text) is
  'Keyword normalization shared with src/domain/search/normalize.ts: NFKC, lower case, katakana → hiragana, dashes → ー, no whitespace or ・, no trailing ー after kana.';
