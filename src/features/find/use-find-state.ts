import { useCallback, useMemo } from 'react';
import { useLocation, useSearch } from 'wouter';
import { parseFindState, serializeFindState, type FindState } from './url-state';

/**
 * The find page's state, read from and written to the URL. Writes replace the history entry:
 * typing a keyword must not fill the back button with one entry per character.
 */
export function useFindState(): [FindState, (patch: Partial<FindState>) => void] {
  const search = useSearch();
  const [, navigate] = useLocation();
  const state = useMemo(() => parseFindState(search), [search]);
  const update = useCallback(
    (patch: Partial<FindState>) => {
      // a late event (the map's moveend after a link was followed) must not drag the user back
      if (window.location.pathname !== '/') return;
      // read the live URL, not the closure: several updates may land before a re-render
      const current = parseFindState(window.location.search);
      navigate(`/${serializeFindState({ ...current, ...patch })}`, { replace: true });
    },
    [navigate],
  );
  return [state, update];
}
