import { defineMessages } from '../types';

// The links to lazily loaded areas that eager pages show (the nav, the public site page): their
// text is here so that the areas' own bundles (editor, import, report) load with their chunks.
export const entryLinks = defineMessages({
  ja: {
    'nav.editor': '掲載の管理',
    'editor.editThisListing': 'この掲載を編集',
    'nav.import': '取り込み・書き出し',
    'report.open': '情報の誤りを報告する',
  },
  en: {
    'nav.editor': 'Manage listings',
    'editor.editThisListing': 'Edit this listing',
    'nav.import': 'Import & export',
    'report.open': 'Report an error in this listing',
  },
  easy: {
    'nav.import': 'とりこみ・かきだし',
    'report.open': 'まちがいを　しらせる',
  },
});
