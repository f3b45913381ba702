import type { ReactNode } from 'react';

/**
 * A message beside its control, referenced by the control's aria-describedby; absent when there
 * is nothing to say. The mark is decorative: the words carry the meaning, in colour or not.
 */
export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} className="ew-error">
      <span aria-hidden="true">⚠ </span>
      {children}
    </p>
  );
}
