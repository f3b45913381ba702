// The glossary in docs/ must name every taxonomy id: one English name per Japanese term.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACCESSIBILITY, AREA_LEVELS, CATEGORY_IDS, EASE, FIELDS, LANGUAGES, NEEDS, ORGANIZATION_KINDS, TARGETS } from '../../src/domain/taxonomy';

const glossary = readFileSync(new URL('../../docs/glossary.md', import.meta.url), 'utf8');

describe('docs/glossary.md', () => {
  const groups = { FIELDS, CATEGORY_IDS, NEEDS, TARGETS, EASE, ACCESSIBILITY, ORGANIZATION_KINDS, AREA_LEVELS, LANGUAGES };
  for (const [name, ids] of Object.entries(groups)) {
    it(`lists every id of ${name}`, () => {
      const missing = ids.filter((id) => !glossary.includes(`\`${id}\``));
      expect(missing).toEqual([]);
    });
  }
});
