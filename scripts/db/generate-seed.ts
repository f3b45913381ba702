// Writes supabase/seed.sql from the demo generator: `npx tsx scripts/db/generate-seed.ts`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateDemoDataset } from '../../src/domain/demo/generate';
import { seedSql } from './seed-sql';

export const SEED_FILE = fileURLToPath(new URL('../../supabase/seed.sql', import.meta.url));
export const SEED_GENERATOR = 'scripts/db/generate-seed.ts';

export function currentSeed(): string {
  return seedSql(generateDemoDataset(), SEED_GENERATOR);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SEED_FILE, currentSeed());
  console.error(`wrote ${SEED_FILE}`);
}
