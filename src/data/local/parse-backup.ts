// Validation of a backup file before it replaces the local data. zod is loaded only here, on demand:
// it is not part of the public route's code, nor of the data worker's.
import type { Dataset } from '../../domain/model';

/** The dataset in `data`, or an error that says where the file is wrong. */
export async function parseBackup(data: unknown): Promise<Dataset> {
  const { datasetSchema } = await import('../../domain/model');
  const parsed = datasetSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`バックアップファイルを読み込めません: ${first?.path.join('.') ?? ''} ${first?.message ?? ''}`.trim());
  }
  return parsed.data;
}
