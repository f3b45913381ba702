import { useQuery } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import { ROLES, type Role } from '../../../data/auth-port';
import { useDataSource } from '../../../data/data-source-context';
import { useI18n } from '../../../i18n/i18n';
import { organizationsOptions } from '../../editor/api/editor-queries';
import { useAuth } from '../auth-context';

/** 「デモ: 役割を切り替える」: local mode only; shapes the screens, grants nothing */
export function DemoRoleSwitch({ className }: { className?: string }) {
  const { t } = useI18n();
  const auth = useAuth();
  const { role, service } = auth;
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
      {role === 'coordinator' && <DemoOrganizationSwitch />}
    </span>
  );
}

/** the demo coordinator's organization: by default the untrusted one with the most listings (its changes wait for review) */
function DemoOrganizationSwitch() {
  const { t } = useI18n();
  const auth = useAuth();
  const source = useDataSource();
  const id = useId();
  const orgs = useQuery({ ...organizationsOptions(source), enabled: Boolean(source.editor) });
  const current = auth.status === 'signed-in' ? auth.organizationIds[0] : undefined;
  const choices = (orgs.data ?? []).filter((o) => o.listings > 0);
  useEffect(() => {
    if (current || !choices.length) return;
    const untrusted = choices.filter((o) => !o.trusted).sort((a, b) => b.listings - a.listings || a.id.localeCompare(b.id));
    if (untrusted[0]) auth.service.setDemoOrganization?.(untrusted[0].id);
  }, [current, choices, auth.service]);
  if (!choices.length) return null;
  return (
    <>
      {' '}
      <label htmlFor={id}>{t('auth.demoOrg')}</label>{' '}
      <select id={id} value={current ?? ''} onChange={(e) => auth.service.setDemoOrganization?.(e.target.value)}>
        {choices.map((o) => (
          <option key={o.id} value={o.id}>
            {o.trusted ? t('auth.demoOrgTrusted', { name: o.name }) : o.name}
          </option>
        ))}
      </select>
    </>
  );
}
