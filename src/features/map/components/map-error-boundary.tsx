// Catches a map that fails while rendering (no WebGL, a broken chunk) so that the rest of the page
// keeps working and `fallback` says so. Kept apart from site-map.tsx: it must not pull MapLibre in.
import { Component, type ReactNode } from 'react';

export class MapErrorBoundary extends Component<
  { fallback: ReactNode; children: ReactNode },
  { failed: boolean }
> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
