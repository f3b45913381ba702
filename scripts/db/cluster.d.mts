// Types of cluster.mjs for TypeScript callers (scripts/bench/db.ts).
export type Cluster = {
  url: string;
  pgEnv: Record<string, string>;
  external: boolean;
  dir?: string;
  stop(): void;
};
export function startCluster(options?: { log?: (message: string) => void }): Promise<Cluster>;
export function requiredPackages(major?: string): string[];
export function findPostgresBin(): { major: string; bin: string } | null;
export function ensurePackages(options?: { log?: (message: string) => void }): { major: string; bin: string };
export function pgEnvFromUrl(url: string): Record<string, string>;
