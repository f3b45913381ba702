// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scheduleSchema, type Schedule } from '../../../domain/model';
import { I18nProvider } from '../../../i18n/i18n';
import type { Locale } from '../../../i18n/types';
import { ScheduleEditor } from './schedule-editor';

afterEach(cleanup);

const EMPTY: Schedule = { rules: [], closedOnHolidays: false, irregular: false };

/** The editor inside a form that keeps its value, as the edit forms do. */
function setup(
  options: { initial?: Schedule; locale?: Locale; today?: string; showErrors?: boolean } = {},
) {
  const emitted: Schedule[] = [];
  let setOutside: (s: Schedule) => void = () => {};
  function Form() {
    const [value, setValue] = useState<Schedule>(options.initial ?? EMPTY);
    setOutside = setValue;
    return (
      <I18nProvider locale={options.locale ?? 'ja'}>
        <ScheduleEditor
          value={value}
          onChange={(s) => {
            emitted.push(s);
            setValue(s);
          }}
          today={options.today ?? '2026-04-01'}
          showErrors={options.showErrors}
        />
      </I18nProvider>
    );
  }
  render(<Form />);
  return {
    last: () => emitted[emitted.length - 1],
    emitted,
    setOutside: (s: Schedule) => act(() => setOutside(s)),
  };
}

const slot = (n: number) => within(screen.getByRole('group', { name: `時間帯 ${n}` }));
const add = () => fireEvent.click(screen.getByRole('button', { name: /時間帯を追加/ }));
const check = (scope: ReturnType<typeof slot>, name: string) =>
  fireEvent.click(scope.getByRole('checkbox', { name }));
const choose = (scope: ReturnType<typeof slot>, name: string | RegExp) =>
  fireEvent.click(scope.getByRole('radio', { name }));
const type = (scope: ReturnType<typeof slot>, label: string, value: string) =>
  fireEvent.change(scope.getByLabelText(label), { target: { value } });
const times = (scope: ReturnType<typeof slot>, opens: string, closes: string) => {
  type(scope, '開始時刻', opens);
  type(scope, '終了時刻', closes);
};
const previewLines = () =>
  within(screen.getByTestId('schedule-preview'))
    .getAllByRole('listitem')
    .map((li) => li.textContent);
const nextDates = () =>
  within(screen.getByTestId('schedule-next-dates'))
    .getAllByRole('listitem')
    .map((li) => li.textContent);

describe('ScheduleEditor: each pattern gives the expected schedule and preview', () => {
  it('毎週 火・木 10:00〜12:00', () => {
    const form = setup();
    add();
    check(slot(1), '火曜');
    check(slot(1), '木曜');
    times(slot(1), '10:00', '12:00');
    expect(form.last()).toEqual({
      rules: [
        { freq: 'WEEKLY', interval: 1, byday: ['TU', 'TH'], opensAt: '10:00', closesAt: '12:00' },
      ],
      closedOnHolidays: false,
      irregular: false,
    });
    expect(scheduleSchema.safeParse(form.last()).success).toBe(true);
    expect(previewLines()).toEqual(['毎週火・木曜 10:00〜12:00']);
    // 2026-04-01 is a Wednesday
    expect(nextDates()).toEqual([
      '4月2日（木）10:00〜12:00',
      '4月7日（火）10:00〜12:00',
      '4月9日（木）10:00〜12:00',
      '4月14日（火）10:00〜12:00',
      '4月16日（木）10:00〜12:00',
    ]);
  });

  it('隔週 水曜 from a first date', () => {
    const form = setup();
    add();
    choose(slot(1), /隔週/);
    check(slot(1), '水曜');
    times(slot(1), '13:30', '15:30');
    // no first date yet: the slot is incomplete and stays out of the preview
    expect(
      screen.getByText('入力が終わっていない時間帯は、まだ表示に入っていません。'),
    ).toBeTruthy();
    type(slot(1), '最初の開催日', '2026-04-08');
    expect(form.last()?.rules).toEqual([
      {
        freq: 'WEEKLY',
        interval: 2,
        byday: ['WE'],
        opensAt: '13:30',
        closesAt: '15:30',
        validFrom: '2026-04-08',
      },
    ]);
    expect(scheduleSchema.safeParse(form.last()).success).toBe(true);
    expect(previewLines()).toEqual(['隔週水曜 13:30〜15:30（2026年4月8日から）']);
    expect(nextDates()).toEqual([
      '4月8日（水）13:30〜15:30',
      '4月22日（水）13:30〜15:30',
      '5月6日（水・振替休日）13:30〜15:30',
      '5月20日（水）13:30〜15:30',
      '6月3日（水）13:30〜15:30',
    ]);
  });

  it('毎月 第2・第4 土曜 and 最終 金曜', () => {
    const form = setup();
    add();
    choose(slot(1), /毎月/);
    check(slot(1), '土曜');
    check(slot(1), '第2');
    check(slot(1), '第4');
    times(slot(1), '10:00', '12:00');
    add();
    // the new slot starts with the days of the one before
    expect(slot(2).getByRole('checkbox', { name: '土曜' })).toHaveProperty('checked', true);
    check(slot(2), '土曜');
    check(slot(2), '金曜');
    check(slot(2), '第2');
    check(slot(2), '第4');
    check(slot(2), '最終');
    times(slot(2), '18:00', '20:00');
    expect(form.last()?.rules).toEqual([
      { freq: 'MONTHLY', interval: 1, byday: ['2SA', '4SA'], opensAt: '10:00', closesAt: '12:00' },
      { freq: 'MONTHLY', interval: 1, byday: ['-1FR'], opensAt: '18:00', closesAt: '20:00' },
    ]);
    expect(scheduleSchema.safeParse(form.last()).success).toBe(true);
    expect(previewLines()).toEqual(['毎月最終金曜 18:00〜20:00', '毎月第2・第4土曜 10:00〜12:00']);
    expect(nextDates()).toEqual([
      '4月11日（土）10:00〜12:00',
      '4月24日（金）18:00〜20:00',
      '4月25日（土）10:00〜12:00',
      '5月9日（土）10:00〜12:00',
      '5月23日（土）10:00〜12:00',
    ]);
  });

  it('several time slots on the same day: morning and afternoon', () => {
    const form = setup();
    add();
    check(slot(1), '月曜');
    times(slot(1), '09:00', '12:00');
    add();
    times(slot(2), '13:00', '16:00');
    expect(form.last()?.rules).toEqual([
      { freq: 'WEEKLY', interval: 1, byday: ['MO'], opensAt: '09:00', closesAt: '12:00' },
      { freq: 'WEEKLY', interval: 1, byday: ['MO'], opensAt: '13:00', closesAt: '16:00' },
    ]);
    expect(previewLines()).toEqual(['毎週月曜 9:00〜12:00、13:00〜16:00']);
    expect(nextDates().slice(0, 2)).toEqual([
      '4月6日（月）9:00〜12:00',
      '4月6日（月）13:00〜16:00',
    ]);
  });

  it('祝日は休み leaves out public holidays from the next dates', () => {
    const form = setup({
      initial: {
        rules: [
          { freq: 'WEEKLY', interval: 1, byday: ['MO'], opensAt: '10:00', closesAt: '12:00' },
        ],
        closedOnHolidays: false,
        irregular: false,
      },
      today: '2026-04-27',
    });
    expect(nextDates()[1]).toBe('5月4日（月・みどりの日）10:00〜12:00');
    fireEvent.click(screen.getByRole('checkbox', { name: '祝日は休み' }));
    expect(form.last()?.closedOnHolidays).toBe(true);
    expect(previewLines()).toEqual(['毎週月曜 10:00〜12:00', '祝日は休み']);
    expect(nextDates().slice(0, 3)).toEqual([
      '4月27日（月）10:00〜12:00',
      '5月11日（月）10:00〜12:00',
      '5月18日（月）10:00〜12:00',
    ]);
  });

  it('不定期 with a note, and no slots', () => {
    const form = setup();
    expect(screen.getByText('時間帯を追加するか、「不定期」を選んでください。')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: /不定期/ }));
    const note = screen.getByRole('textbox', { name: '補足（任意）' });
    // the hint under the note changes to say what an irregular listing needs
    expect(note.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(note.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /問い合わせ方法/,
    );
    fireEvent.change(note, { target: { value: '月に1回ほど。電話でお問い合わせください。' } });
    expect(form.last()).toEqual({
      rules: [],
      closedOnHolidays: false,
      irregular: true,
      note: '月に1回ほど。電話でお問い合わせください。',
    });
    expect(scheduleSchema.safeParse(form.last()).success).toBe(true);
    expect(previewLines()).toEqual([
      '不定期（要問合せ）',
      '月に1回ほど。電話でお問い合わせください。',
    ]);
    expect(screen.getByText('決まった開催日はありません。')).toBeTruthy();
    // emptying the note removes it from the data
    fireEvent.change(note, { target: { value: '' } });
    expect(form.last()).not.toHaveProperty('note');
  });
});

describe('ScheduleEditor: a help desk open on weekdays', () => {
  it('one press chooses Monday to Friday, keeping a day already chosen', () => {
    const form = setup();
    add();
    check(slot(1), '土曜');
    fireEvent.click(slot(1).getByRole('button', { name: '平日（月〜金）をまとめて選ぶ' }));
    times(slot(1), '9:00', '17:00');
    fireEvent.click(screen.getByRole('checkbox', { name: '祝日は休み' }));
    expect(form.last()?.rules).toEqual([
      {
        freq: 'WEEKLY',
        interval: 1,
        byday: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA'],
        opensAt: '09:00',
        closesAt: '17:00',
      },
    ]);
    expect(previewLines()).toEqual(['毎週月〜土曜 9:00〜17:00', '祝日は休み']);
  });
});

describe('ScheduleEditor: times typed in words', () => {
  it('「10時半」 and 「午後1時」 are understood and shown as stored once the field is left', () => {
    const form = setup();
    add();
    check(slot(1), '水曜');
    type(slot(1), '開始時刻', '10時半');
    type(slot(1), '終了時刻', '午後1時');
    expect(form.last()?.rules[0]).toMatchObject({ opensAt: '10:30', closesAt: '13:00' });
    // still as typed while the field has focus
    expect(slot(1).getByLabelText('開始時刻')).toHaveProperty('value', '10時半');
    fireEvent.blur(slot(1).getByLabelText('開始時刻'));
    expect(slot(1).getByLabelText('開始時刻')).toHaveProperty('value', '10:30');
    expect(previewLines()).toEqual(['毎週水曜 10:30〜13:00']);
  });

  it('an unreadable time says how to write it', () => {
    setup();
    add();
    type(slot(1), '開始時刻', 'おひる');
    fireEvent.blur(slot(1).getByLabelText('開始時刻'));
    expect(screen.getByText('時刻は 10:00 や 13時30分 のように入力してください。')).toBeTruthy();
  });
});

describe('ScheduleEditor: validation beside the control', () => {
  it('shows a message once a control is touched, and links it to the control', () => {
    setup();
    add();
    choose(slot(1), /毎月/);
    // nothing scolds a fresh slot
    expect(screen.queryByText('第何週かを1つ以上選んでください。')).toBeNull();
    check(slot(1), '火曜');
    check(slot(1), '第1');
    check(slot(1), '第1'); // unticked again
    const message = screen.getByText('第何週かを1つ以上選んでください。');
    const weeks = slot(1).getByRole('group', { name: /何週目/ });
    expect(weeks.getAttribute('aria-describedby')).toBe(message.closest('p')?.id);
    type(slot(1), '開始時刻', '13:00');
    type(slot(1), '終了時刻', '12:00');
    const closes = slot(1).getByLabelText('終了時刻');
    expect(closes.getAttribute('aria-invalid')).toBe('true');
    expect(
      document.getElementById(closes.getAttribute('aria-describedby')!.split(' ')[1]!)?.textContent,
    ).toMatch('終了時刻は開始時刻より後にしてください。');
  });

  it('showErrors shows every problem of an untouched slot', () => {
    setup({
      initial: {
        rules: [{ freq: 'WEEKLY', interval: 2, byday: [], opensAt: '', closesAt: '' }],
        closedOnHolidays: false,
        irregular: false,
      },
      showErrors: true,
    });
    for (const text of [
      '曜日を1つ以上選んでください。',
      '開始時刻を入力してください（例: 10:00）。',
      '終了時刻を入力してください（例: 12:00）。',
      '隔週の予定には最初の開催日が必要です。',
    ])
      expect(screen.getByText(text)).toBeTruthy();
    // the edit form focuses the first [data-invalid] after a refused save: here, the first weekday
    expect(document.querySelector('[data-invalid="true"]')).toBe(
      slot(1).getByRole('checkbox', { name: '月曜' }),
    );
    expect(document.querySelectorAll('[data-invalid="true"]')).toHaveLength(4);
  });

  it('a note over 500 characters is refused with its length', () => {
    setup({ initial: { ...EMPTY, note: 'あ'.repeat(501) } });
    expect(screen.getByText('補足は500文字以内にしてください（いま 501 文字）。')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: '補足（任意）' }).getAttribute('aria-invalid')).toBe(
      'true',
    );
  });
});

describe('ScheduleEditor: keyboard, focus and outside changes', () => {
  it('moves focus to the new slot, and back to the add button after removing one', () => {
    const form = setup();
    add();
    expect(document.activeElement).toBe(slot(1).getByRole('radio', { name: '毎週' }));
    check(slot(1), '金曜');
    times(slot(1), '10:00', '11:00');
    fireEvent.click(slot(1).getByRole('button', { name: '時間帯 1 を削除' }));
    expect(screen.queryByRole('group', { name: '時間帯 1' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /時間帯を追加/ }));
    expect(form.last()?.rules).toEqual([]);
    expect(screen.getByText('時間帯を削除しました。')).toBeTruthy();
  });

  it('every control has a name, and the preview is a polite live region', () => {
    setup({
      initial: {
        rules: [
          { freq: 'MONTHLY', interval: 1, byday: ['1TU'], opensAt: '10:00', closesAt: '12:00' },
        ],
        closedOnHolidays: true,
        irregular: false,
      },
    });
    const controls = [...document.querySelectorAll('input, textarea, button, select')];
    expect(controls.length).toBeGreaterThan(20);
    for (const control of controls) {
      const id = control.getAttribute('id');
      const named =
        control.closest('label') ||
        (id && document.querySelector(`label[for="${id}"]`)) ||
        control.textContent?.trim();
      expect(named, control.outerHTML).toBeTruthy();
    }
    const live = screen.getByTestId('schedule-announcement');
    expect(live.getAttribute('role')).toBe('status');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(screen.getByRole('group', { name: '開催日時' })).toBeTruthy();
  });

  it('follows a value changed from outside (a reset), but keeps its own unfinished slot', () => {
    const form = setup();
    add();
    choose(slot(1), /毎月/);
    check(slot(1), '水曜'); // no week yet: the rule has no byday, the row keeps 水曜
    expect(form.last()?.rules[0]?.byday).toEqual([]);
    expect(slot(1).getByRole('checkbox', { name: '水曜' })).toHaveProperty('checked', true);
    form.setOutside({
      rules: [{ freq: 'WEEKLY', interval: 1, byday: ['SU'], opensAt: '14:00', closesAt: '15:00' }],
      closedOnHolidays: false,
      irregular: false,
    });
    expect(slot(1).getByRole('radio', { name: '毎週' })).toHaveProperty('checked', true);
    expect(slot(1).getByRole('checkbox', { name: '日曜' })).toHaveProperty('checked', true);
    expect(slot(1).getByLabelText('開始時刻')).toHaveProperty('value', '14:00');
  });

  it('keeps a rule it cannot show as it is, and names it in words', () => {
    const rule = {
      freq: 'WEEKLY' as const,
      interval: 3,
      byday: ['TU'],
      opensAt: '10:00',
      closesAt: '12:00',
      validFrom: '2026-04-07',
    };
    const form = setup({ initial: { rules: [rule], closedOnHolidays: false, irregular: false } });
    const other = slot(1).getByRole('radio', { name: /そのほか/ });
    expect(other).toHaveProperty('checked', true);
    expect(other.closest('label')?.textContent).toMatch('3週ごとの火曜 10:00〜12:00');
    type(slot(1), '終了時刻', '11:30');
    expect(form.last()?.rules).toEqual([{ ...rule, closesAt: '11:30' }]);
  });
});

describe('ScheduleEditor: a loaded rule that cannot be saved', () => {
  it('says so at once, and choosing a kind fixes it', () => {
    const form = setup({
      initial: {
        rules: [
          { freq: 'MONTHLY', interval: 1, byday: ['5SA'], opensAt: '10:00', closesAt: '12:00' },
        ],
        closedOnHolidays: false,
        irregular: false,
      },
    });
    expect(screen.getByText(/このままでは保存できません/)).toBeTruthy();
    expect(document.querySelector('[data-invalid="true"]')).toBe(
      slot(1).getByRole('radio', { name: '毎週' }),
    );
    choose(slot(1), '毎月（第何週かを選ぶ）');
    check(slot(1), '最終');
    expect(screen.queryByText(/このままでは保存できません/)).toBeNull();
    expect(form.last()?.rules).toEqual([
      { freq: 'MONTHLY', interval: 1, byday: ['-1SA'], opensAt: '10:00', closesAt: '12:00' },
    ]);
  });
});

describe('ScheduleEditor: the spoken preview', () => {
  it('is announced once typing pauses, not per keystroke', async () => {
    vi.useFakeTimers();
    try {
      setup({
        initial: {
          rules: [
            { freq: 'WEEKLY', interval: 1, byday: ['TU'], opensAt: '10:00', closesAt: '12:00' },
          ],
          closedOnHolidays: false,
          irregular: false,
        },
      });
      const spoken = () => screen.getByTestId('schedule-announcement').textContent;
      const before = spoken();
      expect(before).toContain('毎週火曜 10:00〜12:00');
      const note = screen.getByRole('textbox', { name: '補足（任意）' });
      fireEvent.change(note, { target: { value: '8' } });
      act(() => vi.advanceTimersByTime(300));
      fireEvent.change(note, { target: { value: '8月は休み' } });
      act(() => vi.advanceTimersByTime(300));
      expect(spoken()).toBe(before); // still typing: nothing new is read out
      act(() => vi.advanceTimersByTime(500));
      expect(spoken()).toBe(
        'このように表示されます。毎週火曜 10:00〜12:00。8月は休み。次の開催日（5回分）。4月7日（火）10:00〜12:00。4月14日（火）10:00〜12:00。4月21日（火）10:00〜12:00。4月28日（火）10:00〜12:00。5月5日（火・こどもの日）10:00〜12:00',
      );
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('ScheduleEditor: the preview follows the UI language', () => {
  const initial: Schedule = {
    rules: [
      { freq: 'WEEKLY', interval: 1, byday: ['TU', 'TH'], opensAt: '10:00', closesAt: '12:00' },
    ],
    closedOnHolidays: true,
    irregular: false,
  };

  it('English', () => {
    setup({ initial, locale: 'en' });
    expect(screen.getByRole('group', { name: 'Dates and times' })).toBeTruthy();
    expect(previewLines()).toEqual(['Every Tue and Thu, 10:00–12:00', 'Closed on public holidays']);
    expect(nextDates()[0]).toBe('Thu 2 Apr, 10:00–12:00');
    expect(screen.getByRole('checkbox', { name: 'Tue' })).toHaveProperty('checked', true);
  });

  it('やさしい日本語', () => {
    setup({ initial, locale: 'easy' });
    expect(previewLines()).toEqual([
      'まいしゅう かようび・もくようび 10:00〜12:00',
      'しゅくじつは おやすみ',
    ]);
    expect(nextDates()[0]).toBe('4がつ 2にち（もくようび） 10:00〜12:00');
    expect(screen.getByRole('radio', { name: 'まいしゅう' })).toHaveProperty('checked', true);
  });
});
