import { defineMessages } from '../types';

// The one staff message every page needs: the nav link (shown to staff and admins). The rest of
// the staff area's messages load with its chunk (staff.ts).
export const staffNav = defineMessages({
  ja: { 'staff.nav': '参加支援' },
  en: { 'staff.nav': 'Participation support' },
  easy: {},
});
