// The local data source: everything in the browser, no server (DESIGN.md). The logic is LocalCore
// (local-core.ts); this class adds the validation of a backup file. Tests and the conformance suite
// use it directly; the app runs LocalCore in a Web Worker behind worker-source.ts.
import type { ImportPlan } from '../../domain/import/plan';
import { LocalCore } from './local-core';
import { checkPlan } from './check-plan';
import { parseBackup } from './parse-backup';

export { DEMO_TODAY, type LocalSourceOptions } from './local-core';

export class LocalDataSource extends LocalCore {
  /** Validates the whole file first; on any error nothing changes. */
  async restoreBackup(data: unknown): Promise<void> {
    await this.restoreDataset(await parseBackup(data));
  }

  /** Checks the plan's objects against the schemas first; on any error nothing changes. */
  async applyImport(plan: ImportPlan): Promise<void> {
    await super.applyImport(await checkPlan(plan));
  }
}
