import { describe, expect, it } from 'vitest';
import { checkNoteText, checkReferralChange, isActiveReferral, nextStatuses, REFERRAL_REASON_LABELS, REFERRAL_REASONS, REFERRAL_STATUSES } from './referral';

const today = '2026-11-26';

describe('referral status flow', () => {
  it('goes forward (steps may be skipped), exits from any stage, resumes from 休止, and never leaves an end', () => {
    expect(nextStatuses('proposed')).toEqual(['consented', 'contacted', 'visit_planned', 'first_attended', 'continuing', 'paused', 'ended', 'declined', 'refused']);
    expect(nextStatuses('visit_planned')).toContain('first_attended');
    expect(nextStatuses('visit_planned')).not.toContain('contacted');
    expect(nextStatuses('paused')).toContain('contacted');
    expect(nextStatuses('ended')).toEqual([]);
    expect(nextStatuses('declined')).toEqual([]);
    expect(REFERRAL_STATUSES.filter(isActiveReferral)).toEqual(['proposed', 'consented', 'contacted', 'visit_planned', 'first_attended', 'continuing', 'paused']);
  });

  it.each([
    [null, { status: 'proposed', reason: null, nextFollowUp: '2026-11-30' }, null],
    [null, { status: 'consented', reason: null, nextFollowUp: '2026-11-30' }, '新しいつなぎは「提案」から始めます'],
    ['proposed', { status: 'visit_planned', reason: null, nextFollowUp: '2026-11-28' }, null],
    ['proposed', { status: 'visit_planned', reason: null, nextFollowUp: null }, '次回のフォロー日を入力してください'],
    ['proposed', { status: 'visit_planned', reason: null, nextFollowUp: '2026-11-01' }, '次回のフォロー日は今日以降にしてください'],
    ['visit_planned', { status: 'consented', reason: null, nextFollowUp: '2026-11-28' }, '「見学予定」から「本人同意」には進めません'],
    ['proposed', { status: 'declined', reason: null, nextFollowUp: null }, '「本人辞退」には理由を選んでください'],
    ['proposed', { status: 'declined', reason: 'goal_met', nextFollowUp: null }, '「本人辞退」の理由として選べない項目です'],
    ['proposed', { status: 'declined', reason: 'anxiety', nextFollowUp: null }, null],
    ['proposed', { status: 'declined', reason: 'anxiety', nextFollowUp: '2026-12-01' }, '終了したつなぎにはフォロー日を設定しません'],
    ['continuing', { status: 'paused', reason: 'health', nextFollowUp: null }, '次回のフォロー日を入力してください'],
    ['continuing', { status: 'paused', reason: 'health', nextFollowUp: '2026-12-10' }, null],
    ['consented', { status: 'contacted', reason: 'other', nextFollowUp: '2026-12-10' }, '理由は休止・終了・辞退・受け入れ不可のときだけ選びます'],
    ['ended', { status: 'continuing', reason: null, nextFollowUp: '2026-12-10' }, '「終了」から「継続参加」には進めません'],
  ] as const)('from %s: %j → %s', (from, change, problem) => {
    expect(checkReferralChange(from, change, today)).toBe(problem);
  });

  it('labels every reason code', () => {
    for (const codes of Object.values(REFERRAL_REASONS)) for (const c of codes) expect(REFERRAL_REASON_LABELS[c], c).toBeDefined();
  });
});

describe('note text', () => {
  it.each([
    ['本人は火曜の午後なら出かけられる。見学に前向き。', null],
    ['', 'メモを入力してください'],
    ['連絡先 090-1234-5678', '電話番号のような数字は書かないでください（個人を特定できる情報は保存しません）'],
    ['〒123-4567 の近く', '郵便番号は書かないでください'],
    ['someone@example.jp に送る', 'メールアドレスは書かないでください'],
    ['2026-11-26 に見学', null],
  ])('%s → %s', (text, problem) => {
    expect(checkNoteText(text)).toBe(problem);
  });
});
