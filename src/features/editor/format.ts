// Timestamps in the editor, in Japan time whatever the device's timezone.
import { formatIsoDate } from '../../lib/format';
import type { Locale } from '../../i18n/types';

/** '2026-11-01T01:02:03.000Z' → 2026年11月1日 10:02 (JST) */
export function formatDateTime(iso: string, locale: Locale): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  const jst = new Date(ms + 9 * 3600_000).toISOString();
  return `${formatIsoDate(jst.slice(0, 10), locale)} ${jst.slice(11, 16)}`;
}
