// The header's account corner: in local mode the demo role switch; with Supabase a sign-in link,
// or who is signed in and a sign-out button.
import { useState } from 'react';
import { Link } from 'wouter';
import { useI18n } from '../../../i18n/i18n';
import { useAuth } from '../auth-context';
import { DemoRoleSwitch } from './demo-role-switch';
import './account-menu.css';

export function AccountMenu() {
  const { t } = useI18n();
  const auth = useAuth();
  const [error, setError] = useState<string | null>(null);
  if (auth.service.kind === 'demo') return <DemoRoleSwitch className="account-menu" />;
  if (auth.status !== 'signed-in') {
    return (
      <Link href="/signin" className="account-menu">
        {t('auth.signIn')}
      </Link>
    );
  }
  return (
    <span className="account-menu">
      <span>{t('auth.signedInAs', { email: auth.user.email ?? '', role: t(`auth.role.${auth.role}`) })}</span>{' '}
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => auth.service.signOut().then(() => setError(null), (e: unknown) => setError(e instanceof Error ? e.message : String(e)))}
      >
        {t('auth.signOut')}
      </button>
      {error && (
        <span role="alert" className="error-text">
          {error}
        </span>
      )}
    </span>
  );
}
