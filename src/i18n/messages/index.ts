// Every feature's messages, merged. Add a feature's bundle here.
import { auth } from './auth';
import { common } from './common';
import { editingWidgets } from './editing-widgets';
import { find } from './find';
import { helpDesks } from './help-desks';
import { settings } from './settings';
import { site } from './site';
import { map } from './map';
import { staff } from './staff';
import { editor } from './editor';
import { report } from './report';
import { importMessages } from './import';

const bundles = [common, find, map, site, helpDesks, settings, auth, editingWidgets, staff, editor, report, importMessages] as const;

type KeysOf<B> = B extends { ja: Record<infer K, string> } ? K : never;
export type MessageKey = KeysOf<(typeof bundles)[number]>;

function merge(locale: 'ja' | 'en' | 'easy'): Record<string, string> {
  return Object.assign({}, ...bundles.map((b) => b[locale]));
}

export const allMessages = {
  ja: merge('ja') as Record<MessageKey, string>,
  en: merge('en') as Record<MessageKey, string>,
  easy: merge('easy') as Partial<Record<MessageKey, string>>,
};
