import { createContext, useContext, type ReactNode } from 'react';
import type { DataSource } from './port';

const DataSourceContext = createContext<DataSource | null>(null);

export function DataSourceProvider({ source, children }: { source: DataSource; children: ReactNode }) {
  return <DataSourceContext.Provider value={source}>{children}</DataSourceContext.Provider>;
}

export function useDataSource(): DataSource {
  const s = useContext(DataSourceContext);
  if (!s) throw new Error('useDataSource must be used inside <DataSourceProvider>');
  return s;
}
