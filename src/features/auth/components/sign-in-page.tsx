// /signin: email + password, or a magic link (Supabase Auth). Accounts are invited by an admin,
// so there is no sign-up. In local mode the page explains the demo role switch instead.
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useI18n } from '../../../i18n/i18n';
import { useAuth } from '../auth-context';
import { DemoRoleSwitch } from './demo-role-switch';

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function SignInPage() {
  const { t } = useI18n();
  const auth = useAuth();
  const emailId = useId();
  const passwordId = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const signIn = useMutation({ mutationFn: () => auth.service.signInWithPassword!(email.trim(), password) });
  const magicLink = useMutation({
    // the link comes back to this page; supabase-js reads the code from the URL
    mutationFn: () => auth.service.sendMagicLink!(email.trim(), `${window.location.origin}/signin`),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    magicLink.reset();
    signIn.mutate();
  };

  if (auth.service.kind === 'demo') {
    return (
      <div className="page">
        <h1>{t('auth.title')}</h1>
        <p className="notice">{t('auth.demoNotice')}</p>
        <DemoRoleSwitch />
      </div>
    );
  }

  if (auth.status === 'loading') return <p className="page">{t('auth.loading')}</p>;

  if (auth.status === 'signed-in') {
    return (
      <div className="page">
        <h1>{t('auth.title')}</h1>
        <p role="status">{t('auth.signedInAs', { email: auth.user.email ?? '', role: t(`auth.role.${auth.role}`) })}</p>
        <p>
          <Link href="/">{t('common.home')}</Link>
        </p>
        <button type="button" className="button button--secondary" onClick={() => void auth.service.signOut()}>
          {t('auth.signOut')}
        </button>
      </div>
    );
  }

  return (
    <div className="page sign-in">
      <h1>{t('auth.title')}</h1>
      <p>{t('auth.intro')}</p>
      <form onSubmit={onSubmit} className="sign-in__form">
        <p>
          <label htmlFor={emailId}>{t('auth.email')}</label>
          <br />
          <input id={emailId} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </p>
        <p>
          <label htmlFor={passwordId}>{t('auth.password')}</label>
          <br />
          <input
            id={passwordId}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </p>
        <p>
          <button type="submit" className="button" disabled={signIn.isPending || password === ''}>
            {t('auth.submit')}
          </button>
        </p>
        {signIn.isError && (
          <p role="alert" className="error-text">
            {t('auth.failed', { reason: reason(signIn.error) })}
          </p>
        )}
      </form>
      <p>{t('auth.magicLinkHelp')}</p>
      <button
        type="button"
        className="button button--secondary"
        disabled={magicLink.isPending || email.trim() === ''}
        onClick={() => {
          signIn.reset();
          magicLink.mutate();
        }}
      >
        {t('auth.magicLink')}
      </button>
      {magicLink.isSuccess && <p role="status">{t('auth.magicLinkSent', { email: email.trim() })}</p>}
      {magicLink.isError && (
        <p role="alert" className="error-text">
          {t('auth.linkFailed', { reason: reason(magicLink.error) })}
        </p>
      )}
    </div>
  );
}

export default SignInPage;
