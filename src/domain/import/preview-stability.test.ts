// Guard for performance work on the import: the previews of the real files and of generated
// national and template files must stay byte for byte what they were (JSON of the whole preview,
// rows, proposed sites and menus, problems and messages, hashed). A change that alters a preview
// on purpose updates the hashes here, and says why in its commit.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readRealdata } from '../../../tests/support/realdata';
import { generateDemoDataset } from '../demo/generate';
import { exportNationalCsv } from '../export/national-csv';
import { exportTemplateCsv } from '../export/template-csv';
import { previewImport, type PreviewOptions } from './preview';

const OPTIONS = { now: '2027-01-01T00:00:00+09:00', today: '2027-01-01' };
const sha = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
const previewHash = (input: Uint8Array | string, options: PreviewOptions = OPTIONS) => sha(previewImport(input, options));

const demo = generateDemoDataset({ seed: 11, sites: 1_500 });
const other = generateDemoDataset({ seed: 12, sites: 300 });

describe('import previews stay byte-identical', () => {
  it('the three real files', () => {
    const takamatsu = { ...OPTIONS, municipalityCode: '37201' };
    expect({
      kawaguchi: previewHash(readRealdata('kawaguchi_112038_preschool.csv')),
      kyoten: previewHash(readRealdata('takamatsu_0022_chiiki_kosodate_shien_kyoten.csv'), takamatsu),
      houkatsu: previewHash(readRealdata('takamatsu_0045_chiiki_houkatsu_shien_center.csv'), takamatsu),
    }).toEqual({ kawaguchi: '52c58f79d858d903', kyoten: '2660f01a8e5aba9f', houkatsu: '5950cce0ec233d6f' });
  });

  it('a generated national file and template, alone and against existing data', () => {
    const national = new TextEncoder().encode(exportNationalCsv(demo));
    const template = new TextEncoder().encode(exportTemplateCsv(demo));
    expect({
      national: previewHash(national),
      template: previewHash(template),
      nationalExisting: previewHash(national, { ...OPTIONS, existing: other, fileName: 'kosodate.csv' }),
      templateExisting: previewHash(template, { ...OPTIONS, existing: demo }),
    }).toEqual({ national: 'd610362ae82d60e1', template: '9e9dd2914098cbd7', nationalExisting: 'ef5d1d248c36c89e', templateExisting: '83bed305828dc212' });
  });
});
