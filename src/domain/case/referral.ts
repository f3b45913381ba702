// Referrals (つなぎ) and their status flow (DOMAIN.md "Referrals and 伴走"):
// 提案 → 本人同意 → 受け入れ先へ連絡 → 見学予定 → 初回参加 → 継続参加, with the exits 休止,
// 終了（目標達成・他の支援へ）, 本人辞退, 受け入れ不可, each with a reason code. Every active
// referral has a next follow-up date. Pure: the stores (local IndexedDB, Supabase) and the UI share it.
import type { Label } from '../taxonomy';

/** the forward stages, in order */
export const REFERRAL_STAGES = ['proposed', 'consented', 'contacted', 'visit_planned', 'first_attended', 'continuing'] as const;
/** the exits; 'paused' (休止) can resume, the others end the referral */
export const REFERRAL_EXITS = ['paused', 'ended', 'declined', 'refused'] as const;
export const REFERRAL_STATUSES = [...REFERRAL_STAGES, ...REFERRAL_EXITS] as const;
export type ReferralStage = (typeof REFERRAL_STAGES)[number];
export type ReferralExit = (typeof REFERRAL_EXITS)[number];
export type ReferralStatus = ReferralStage | ReferralExit;

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, Label> = {
  proposed: { ja: '提案', en: 'Proposed' },
  consented: { ja: '本人同意', en: 'Consented' },
  contacted: { ja: '受け入れ先へ連絡', en: 'Host contacted' },
  visit_planned: { ja: '見学予定', en: 'Visit planned' },
  first_attended: { ja: '初回参加', en: 'First attended' },
  continuing: { ja: '継続参加', en: 'Taking part' },
  paused: { ja: '休止', en: 'Paused' },
  ended: { ja: '終了', en: 'Ended' },
  declined: { ja: '本人辞退', en: 'Declined by the person' },
  refused: { ja: '受け入れ不可', en: 'Host cannot accept' },
};

/** the reason codes each exit accepts; an exit without one is refused */
export const REFERRAL_REASONS: Record<ReferralExit, readonly string[]> = {
  paused: ['health', 'family', 'schedule_change', 'person_request', 'other'],
  ended: ['goal_met', 'other_support', 'moved', 'other'],
  declined: ['not_interested', 'anxiety', 'schedule', 'cost', 'access', 'other'],
  refused: ['full', 'not_eligible', 'accessibility', 'other'],
};
export type ReferralReason = string;

export const REFERRAL_REASON_LABELS: Record<string, Label> = {
  health: { ja: '体調', en: 'Health' },
  family: { ja: '家庭の事情', en: 'Family circumstances' },
  schedule_change: { ja: '予定の変化', en: 'Change of schedule' },
  person_request: { ja: '本人の希望', en: 'The person asked' },
  goal_met: { ja: '目標達成', en: 'Goal reached' },
  other_support: { ja: '他の支援へ', en: 'Moved to other support' },
  moved: { ja: '転居', en: 'Moved away' },
  not_interested: { ja: '関心が合わない', en: 'Not interested' },
  anxiety: { ja: '不安が大きい', en: 'Too anxious' },
  schedule: { ja: '日時が合わない', en: 'Dates do not fit' },
  cost: { ja: '費用', en: 'Cost' },
  access: { ja: '移動が難しい', en: 'Hard to get there' },
  full: { ja: '定員', en: 'Full' },
  not_eligible: { ja: '対象外', en: 'Not eligible' },
  accessibility: { ja: 'バリアフリー', en: 'Accessibility' },
  other: { ja: 'その他', en: 'Other' },
};

const TERMINAL: ReadonlySet<ReferralStatus> = new Set(['ended', 'declined', 'refused']);

/** active = still being walked alongside: every forward stage, and 休止 (it may resume) */
export function isActiveReferral(status: ReferralStatus): boolean {
  return !TERMINAL.has(status);
}

export function isExit(status: ReferralStatus): status is ReferralExit {
  return (REFERRAL_EXITS as readonly string[]).includes(status);
}

/**
 * Where a referral may go from `from`: any later stage (a step may be skipped, e.g. the person
 * went straight to the first session), any exit; from 休止 back to any stage; nothing from an end.
 */
export function nextStatuses(from: ReferralStatus): ReferralStatus[] {
  if (TERMINAL.has(from)) return [];
  if (from === 'paused') return [...REFERRAL_STAGES, 'ended', 'declined', 'refused'];
  const i = REFERRAL_STAGES.indexOf(from as ReferralStage);
  return [...REFERRAL_STAGES.slice(i + 1), ...REFERRAL_EXITS];
}

export type ReferralChange = { status: ReferralStatus; reason: ReferralReason | null; nextFollowUp: string | null };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks a change of a referral from `from` (null: a new referral) and returns the problem in
 * Japanese, or null when it is allowed: the transition exists, an exit has a reason code of its
 * own, an active referral has a next follow-up date (today or later), an ended one has none.
 */
export function checkReferralChange(from: ReferralStatus | null, change: ReferralChange, today: string): string | null {
  const { status, reason, nextFollowUp } = change;
  if (from === null) {
    if (status !== 'proposed') return '新しいつなぎは「提案」から始めます';
  } else if (status !== from && !nextStatuses(from).includes(status)) {
    return `「${REFERRAL_STATUS_LABELS[from].ja}」から「${REFERRAL_STATUS_LABELS[status].ja}」には進めません`;
  }
  if (isExit(status)) {
    if (!reason) return `「${REFERRAL_STATUS_LABELS[status].ja}」には理由を選んでください`;
    if (!REFERRAL_REASONS[status].includes(reason)) return `「${REFERRAL_STATUS_LABELS[status].ja}」の理由として選べない項目です`;
  } else if (reason) {
    return '理由は休止・終了・辞退・受け入れ不可のときだけ選びます';
  }
  if (isActiveReferral(status)) {
    if (!nextFollowUp) return '次回のフォロー日を入力してください';
    if (!ISO_DATE.test(nextFollowUp)) return '次回のフォロー日は YYYY-MM-DD の形式で入力してください';
    if (nextFollowUp < today) return '次回のフォロー日は今日以降にしてください';
  } else if (nextFollowUp) {
    return '終了したつなぎにはフォロー日を設定しません';
  }
  return null;
}

/**
 * Text that looks like a name-free note must not hold a phone number, a postal code or an e-mail
 * address (DOMAIN.md "Privacy rules"). Returns the problem in Japanese, or null. Names cannot be
 * detected reliably: the form says not to write them.
 */
export function checkNoteText(text: string): string | null {
  const t = text.normalize('NFKC');
  if (t.trim() === '') return 'メモを入力してください';
  if (t.length > 2000) return 'メモは2000文字以内にしてください';
  if (/\d{2,4}[-ー−(（ ]?\d{2,4}[-ー−)） ]?\d{3,4}/.test(t)) return '電話番号のような数字は書かないでください（個人を特定できる情報は保存しません）';
  if (/〒?\d{3}-\d{4}/.test(t)) return '郵便番号は書かないでください';
  if (/[\w.+-]+@[\w-]+\.[\w.-]+/.test(t)) return 'メールアドレスは書かないでください';
  return null;
}
