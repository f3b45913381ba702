// The real municipal CSV files live beside the repository (../shared/realdata, never copied in).
// A clone elsewhere finds them through REALDATA_DIR or this machine's /work/shared/realdata.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const candidates = [process.env.REALDATA_DIR, join(repoRoot, '../shared/realdata'), '/work/shared/realdata'].filter(
  (d): d is string => Boolean(d),
);

export const REALDATA_DIR = candidates.find((d) => existsSync(join(d, 'README.md')));

/** The bytes of a real data file; fails with where it looked when the folder is missing. */
export function readRealdata(file: string): Uint8Array {
  if (!REALDATA_DIR) {
    throw new Error(`real data files not found; looked in: ${candidates.join(', ')}. Set REALDATA_DIR to the shared/realdata folder.`);
  }
  return new Uint8Array(readFileSync(join(REALDATA_DIR, file)));
}
