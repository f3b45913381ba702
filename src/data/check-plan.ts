// The schema check of an import plan's objects, on the calling side of a data source (the page,
// for the worker): zod and the import code load here on first use, never in the data worker.
import type { ImportPlan } from '../domain/import/plan';

/** The plan itself, or an error (Japanese, with the first reason) when an object is not valid. */
export async function checkPlan(plan: ImportPlan): Promise<ImportPlan> {
  const { planSchemaProblems, ImportBlockedError } = await import('../domain/import/plan');
  const problems = planSchemaProblems(plan);
  if (problems.length) throw new ImportBlockedError(`取り込みを中止しました。データは変更していません。（${problems[0]!.message}）`, problems);
  return plan;
}
