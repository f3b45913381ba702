// Small formatters shared by features. Locale-aware, no Intl objects created per call.
import type { Locale } from '../i18n/types';

/** 350 m, 1.2 km, 12 km: the precision a person walking needs, no more */
export function formatDistance(meters: number, _locale: Locale = 'ja'): string {
  if (!Number.isFinite(meters) || meters < 0) return '';
  const tens = Math.max(10, Math.round(meters / 10) * 10);
  if (tens < 1000) return `${tens} m`;
  if (meters < 10_000) return `${(meters / 1000).toFixed(1)} km`;
  return `${Math.round(meters / 1000)} km`;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 2026年11月1日 / 1 Nov 2026, from 'YYYY-MM-DD' without timezone arithmetic */
export function formatIsoDate(iso: string, locale: Locale = 'ja'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  if (locale === 'en') return `${Number(d)} ${EN_MONTHS[Number(mo) - 1]} ${y}`;
  return `${y}年${Number(mo)}月${Number(d)}日`;
}
