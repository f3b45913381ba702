// The shape of the map's test hook, apart from its implementation so that the browser tests (a
// node program) can type it without pulling in MapLibre or Vite's env.
import type { MapView } from './view';

export type KasaneMapHook = Readonly<{
  /** ids of the single sites drawn in the viewport, sorted, without duplicates */
  renderedSiteIds(): string[];
  /** how many clusters are drawn in the viewport */
  clusterCount(): number;
  /** the camera, as `onViewChange` reports it */
  getView(): MapView;
  /**
   * what is drawn in the viewport, with CSS-pixel positions relative to the canvas (to click on);
   * `count` is 1 for a site and the number of sites for a cluster
   */
  renderedMarkers(): { kind: 'site' | 'cluster'; id: string; count: number; x: number; y: number }[];
}>;

declare global {
  interface Window {
    __kasaneMap?: KasaneMapHook;
  }
}
