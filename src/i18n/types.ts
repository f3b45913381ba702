export const LOCALES = ['ja', 'en', 'easy'] as const;
/** ja: Japanese (default), en: English, easy: やさしい日本語 (falls back to ja where missing) */
export type Locale = (typeof LOCALES)[number];

/** A feature's messages: Japanese is the source of keys; English must be complete. */
export type MessageBundle<K extends string> = {
  ja: Record<K, string>;
  en: Record<K, string>;
  easy: Partial<Record<K, string>>;
};

export function defineMessages<K extends string>(bundle: MessageBundle<K>): MessageBundle<K> {
  return bundle;
}
