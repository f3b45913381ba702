// The local data source: everything in the browser, no server (DESIGN.md). The logic is LocalCore
// (local-core.ts); this class adds the validation of a backup file. Tests and the conformance suite
// use it directly; the app runs LocalCore in a Web Worker behind worker-source.ts.
import { LocalCore, type LocalSourceOptions } from './local-core';
import type { ImportPlan } from '../../domain/import/plan';
import { checkPlan } from '../check-plan';
import { parseBackup } from './parse-backup';
import { validateListing } from './validate-listing';

export { DEMO_TODAY, type LocalSourceOptions } from './local-core';

export class LocalDataSource extends LocalCore {
  constructor(options: LocalSourceOptions = {}) {
    // edits are validated with the model's schemas here (in the worker, the proxy does it)
    super({ ...options, editor: { validate: validateListing, ...options.editor } });
  }

  /** Validates the whole file first; on any error nothing changes. */
  async restoreBackup(data: unknown): Promise<void> {
    await this.restoreDataset(await parseBackup(data));
  }

  /** Checks the plan's objects against the schemas first; on any error nothing changes. */
  async applyImport(plan: ImportPlan): Promise<void> {
    await super.applyImport(await checkPlan(plan));
  }
}
