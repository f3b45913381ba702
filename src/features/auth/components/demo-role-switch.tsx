import { useId } from 'react';
import { ROLES, type Role } from '../../../data/auth-port';
import { useI18n } from '../../../i18n/i18n';
import { useAuth } from '../auth-context';

/** 「デモ: 役割を切り替える」: local mode only; shapes the screens, grants nothing */
export function DemoRoleSwitch({ className }: { className?: string }) {
  const { t } = useI18n();
  const { role, service } = useAuth();
  const id = useId();
  if (!service.setDemoRole) return null;
  return (
    <span className={['demo-role-switch', className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{t('auth.demoSwitch')}</label>{' '}
      <select id={id} value={role} onChange={(e) => service.setDemoRole?.(e.target.value as Role)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`auth.role.${r}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
