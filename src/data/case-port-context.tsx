// Hands the case port's factory (app/create-data-source.ts) to the staff area. Undefined when the
// data source has no case storage yet: the staff area then says so.
import { createContext, useContext, type ReactNode } from 'react';
import type { CasePortFactory } from './case-port';

const CasePortContext = createContext<CasePortFactory | undefined>(undefined);

export function CasePortProvider({ open, children }: { open: CasePortFactory | undefined; children: ReactNode }) {
  return <CasePortContext.Provider value={open}>{children}</CasePortContext.Provider>;
}

export function useCasePortFactory(): CasePortFactory | undefined {
  return useContext(CasePortContext);
}
