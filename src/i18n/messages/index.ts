// Every feature's messages, merged. Add a feature's bundle here.
import { auth } from './auth';
import { common } from './common';
import type { editingWidgets } from './editing-widgets';
import { entryLinks } from './entry-links';
import { find } from './find';
import { helpDesks } from './help-desks';
import { settings } from './settings';
import { site } from './site';
import { map } from './map';
import { staffNav } from './staff-nav';
import type { staff } from './staff';
import type { editor } from './editor';
import type { report } from './report';
import type { importMessages } from './import';

const bundles = [common, find, map, site, helpDesks, settings, auth, staffNav, entryLinks] as const;
/**
 * Bundles of lazy routes: typed here, merged when their chunk loads (registerMessages), so their
 * text stays out of the public route. The staff area registers `staff` in staff-area.tsx; the
 * editor `editor`, `report` and `editingWidgets` (editor-routes.tsx, report-form.tsx and the
 * widgets); the import page `importMessages`.
 */
export type LazyBundles = typeof staff | typeof editor | typeof report | typeof importMessages | typeof editingWidgets;

type KeysOf<B> = B extends { ja: Record<infer K, string> } ? K : never;
export type MessageKey = KeysOf<(typeof bundles)[number] | LazyBundles>;

function merge(locale: 'ja' | 'en' | 'easy'): Record<string, string> {
  return Object.assign({}, ...bundles.map((b) => b[locale]));
}

export const allMessages = {
  ja: merge('ja') as Record<MessageKey, string>,
  en: merge('en') as Record<MessageKey, string>,
  easy: merge('easy') as Partial<Record<MessageKey, string>>,
};

/** adds a lazy route's bundle (see LazyBundles); call at the top of the route's chunk */
export function registerMessages(bundle: LazyBundles): void {
  Object.assign(allMessages.ja, bundle.ja);
  Object.assign(allMessages.en, bundle.en);
  Object.assign(allMessages.easy, bundle.easy);
}
