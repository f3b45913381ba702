// Shows editor screens only to roles that edit (the data layer enforces the same; this is the UI).
import type { ReactNode } from 'react';
import type { Role } from '../../../data/auth-port';
import { useI18n } from '../../../i18n/i18n';
import { useAuth } from '../../auth/auth-context';
import { DemoRoleSwitch } from '../../auth/components/demo-role-switch';
import { useEditor } from '../api/editor-queries';

export function EditorGate({ roles = ['coordinator', 'staff', 'admin'], children }: { roles?: Role[]; children: ReactNode }) {
  const { t } = useI18n();
  const auth = useAuth();
  const { editor } = useEditor();
  if (!editor) return <p>{t('editor.unavailable')}</p>;
  if (!roles.includes(auth.role)) {
    return (
      <div>
        <p>{roles.includes('coordinator') ? t('editor.signInFirst') : t('editor.review.staffOnly')}</p>
        {auth.service.kind === 'demo' && (
          <>
            <p>{t('editor.demoSignIn')}</p>
            <DemoRoleSwitch />
          </>
        )}
      </div>
    );
  }
  return <>{children}</>;
}
