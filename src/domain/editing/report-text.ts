// An error report's text must not carry personal data: a resident writes what is wrong with the
// listing, not who they are. Phone numbers and e-mail addresses are refused (the listing's own
// contact details are fixed through the listing, not reported in free text).

export const REPORT_MESSAGE_MAX = 300;

export type ReportTextProblem = 'empty' | 'too-long' | 'phone' | 'email';

const EMAIL = /[^\s@＠]+[@＠][^\s@＠]+\.[^\s@＠]+/;
/** a run starting 0 or +81 of digits and the separators people type (after NFKC full-width digits are ASCII) */
const PHONE_RUN = /(?<!\d)(?:\+81|0)[\d\s\-‐ー－−()（）]{8,18}\d/g;

/** a Japanese phone number: 10 or 11 digits from a leading 0 (a date or a time has fewer, or no leading 0) */
function hasPhoneNumber(t: string): boolean {
  for (const m of t.matchAll(PHONE_RUN)) {
    const digits = m[0].replace(/\D/g, '');
    const national =
      digits.startsWith('81') && m[0].startsWith('+') ? `0${digits.slice(2)}` : digits;
    if (national.length >= 10 && national.length <= 11) return true;
  }
  return false;
}

/** The first problem with a report's text, or null when it may be sent. */
export function checkReportText(text: string): ReportTextProblem | null {
  const t = text.normalize('NFKC').trim();
  if (!t) return 'empty';
  if ([...t].length > REPORT_MESSAGE_MAX) return 'too-long';
  if (EMAIL.test(t)) return 'email';
  if (hasPhoneNumber(t)) return 'phone';
  return null;
}

/** Japanese message for each problem (the data layer's errors are Japanese; the UI has its own i18n). */
export const REPORT_TEXT_ERRORS: Record<ReportTextProblem, string> = {
  empty: '内容を入力してください',
  'too-long': `${REPORT_MESSAGE_MAX}文字以内で入力してください`,
  phone: '電話番号は書かないでください（個人の情報は送れません）',
  email: 'メールアドレスは書かないでください（個人の情報は送れません）',
};
