// Small wording helpers shared by the staff screens.
import { RELATIONSHIP_LABELS, TRAVEL_MODE_LABELS, type AgeBand, type Member, type TravelMode } from '../../../domain/case/model';
import type { Locale } from '../../../i18n/types';
import { addDays, weekdayIndex } from '../../../domain/schedule/dates';

export function ageBandLabel(band: AgeBand, locale: Locale): string {
  if (band === '75+') return locale === 'en' ? '75+' : '75歳以上';
  const [lo, hi] = band.split('-');
  return locale === 'en' ? `${lo}–${hi}` : `${lo}〜${hi}歳`;
}

/** 「本人（40〜64歳）」 */
export function memberLabel(m: Pick<Member, 'relationship' | 'ageBand'>, locale: Locale): string {
  const rel = RELATIONSHIP_LABELS[m.relationship][locale === 'en' ? 'en' : 'ja'];
  return locale === 'en' ? `${rel} (${ageBandLabel(m.ageBand, locale)})` : `${rel}（${ageBandLabel(m.ageBand, locale)}）`;
}

export function travelModeLabel(mode: TravelMode, locale: Locale): string {
  return TRAVEL_MODE_LABELS[mode][locale === 'en' ? 'en' : 'ja'];
}

/** the Sunday that ends the week of `today` (weeks run Monday to Sunday) */
export function endOfWeek(today: string): string {
  return addDays(today, 6 - weekdayIndex(today));
}
