// Types of prepare.mjs for TypeScript callers (scripts/bench/db.ts).
import type { Cluster } from './cluster.mjs';
export const repoRoot: string;
export function psql(db: Pick<Cluster, 'url'>, args: string[], options?: { input?: string }): string;
export function prepareDatabase(db: Pick<Cluster, 'url'>, options?: { log?: (message: string) => void }): Promise<void>;
