// Query keys, queries and the invalidation after an edit, for every editor screen. The editor port
// (src/data/editor-port.ts) is reached through the data source; the actor is the signed-in user
// (or the demo role).
import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { actorOf, type Actor, type EditorPort } from '../../../data/editor-port';
import type { DataSource } from '../../../data/port';
import { siteKeys } from '../../../data/query-keys';
import { useDataSource } from '../../../data/data-source-context';
import { useAuth } from '../../auth/auth-context';

export const editorKeys = {
  all: ['editor'] as const,
  organizations: () => [...editorKeys.all, 'organizations'] as const,
  listings: (actor: Actor, options: object) => [...editorKeys.all, 'listings', actor, options] as const,
  listing: (actor: Actor, kind: string, id: string) => [...editorKeys.all, 'listing', actor, kind, id] as const,
  changes: (actor: Actor, options: object) => [...editorKeys.all, 'changes', actor, options] as const,
  change: (actor: Actor, id: string) => [...editorKeys.all, 'change', actor, id] as const,
  history: (actor: Actor, kind: string, id: string) => [...editorKeys.all, 'history', actor, kind, id] as const,
  reports: (actor: Actor, options: object) => [...editorKeys.all, 'reports', actor, options] as const,
};

/** the data source's editor, or an Error with a Japanese message when the source has none */
export function editorOf(source: DataSource): EditorPort {
  if (!source.editor) throw new Error('このデータソースでは、まだ編集できません');
  return source.editor;
}

export function organizationsOptions(source: DataSource) {
  return queryOptions({
    queryKey: editorKeys.organizations(),
    queryFn: () => editorOf(source).listOrganizations(actorOf({ role: 'resident' })),
    staleTime: 5 * 60_000,
  });
}

/** the editor, the acting user and a function that refreshes what an edit may have changed */
export function useEditor() {
  const source = useDataSource();
  const auth = useAuth();
  const queryClient = useQueryClient();
  const actor = actorOf(auth.status === 'signed-in' ? auth : { role: 'resident' });
  const refresh = async (options: { publicData?: boolean } = {}) => {
    await queryClient.invalidateQueries({ queryKey: editorKeys.all });
    if (options.publicData !== false) await queryClient.invalidateQueries({ queryKey: siteKeys.all });
  };
  return { source, editor: source.editor ?? null, actor, role: auth.role, refresh };
}
