// Minimal i18n: typed keys, Japanese first, English complete, やさしい日本語 falling back to
// Japanese. A library would add ~20 KB to the public route for features we do not use.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { allMessages, type MessageKey } from './messages';
import { LOCALES, type Locale } from './types';
import type { Label } from '../domain/taxonomy';

const STORAGE_KEY = 'kasane.locale';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

type I18nValue = {
  locale: Locale;
  setLocale: (l: Locale) => void;
  t: Translate;
  /** picks a taxonomy label for the current locale */
  label: (l: Label) => string;
};

const I18nContext = createContext<I18nValue | null>(null);

export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  const table = allMessages[locale] as Partial<Record<MessageKey, string>>;
  let text = table[key] ?? allMessages.ja[key] ?? key;
  if (vars) for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{${k}}`, String(v));
  return text;
}

export function pickLabel(locale: Locale, l: Label): string {
  if (locale === 'en') return l.en;
  if (locale === 'easy') return l.easy ?? l.ja;
  return l.ja;
}

function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored && (LOCALES as readonly string[]).includes(stored)) return stored as Locale;
  } catch {
    // storage may be unavailable (private mode); Japanese is the default
  }
  return 'ja';
}

export function I18nProvider({ children, locale: forced }: { children: ReactNode; locale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(forced ?? initialLocale);
  const setLocale = useCallback((l: Locale) => {
    setLocaleState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // not remembered, but still applied
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale === 'en' ? 'en' : 'ja';
  }, [locale]);
  const value = useMemo<I18nValue>(
    () => ({
      locale,
      setLocale,
      t: (key, vars) => translate(locale, key, vars),
      label: (l) => pickLabel(locale, l),
    }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n must be used inside <I18nProvider>');
  return v;
}
