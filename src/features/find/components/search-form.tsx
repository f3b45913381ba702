import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/i18n';

type Props = { value: string; onChange: (text: string) => void };

/** The keyword box. Results follow as you type; Enter also works, for people who expect it. */
export function SearchForm({ value, onChange }: Props) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  // the URL is the truth: follow it when it changes from elsewhere (back button, shared link)
  if (value !== seen) {
    setSeen(value);
    setDraft(value);
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange(draft);
  };
  return (
    <form role="search" className="search-form" onSubmit={submit}>
      <label htmlFor="find-q" className="search-form__label">
        {t('find.searchLabel')}
      </label>
      <div className="search-form__row">
        <input
          id="find-q"
          type="search"
          className="text-input"
          value={draft}
          placeholder={t('find.searchPlaceholder')}
          autoComplete="off"
          enterKeyHint="search"
          onChange={(e) => {
            setDraft(e.target.value);
            onChange(e.target.value);
          }}
        />
        <button type="submit" className="button">
          {t('find.searchButton')}
        </button>
      </div>
    </form>
  );
}
