// Importing @preact/signals installs its render integration: a component re-renders when a signal it read changes.
// Every component imports this module, so the integration is there however the tree is provided.
import '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PanelCore } from '../core.ts';

/** The shared core (models and options) the components read; provided once per surface by `CoreProvider`. */
export const CoreContext = createContext<PanelCore | null>(null);

/** The core provided above; a missing provider is a programming error in the shell, not a user-facing state. */
export function useCore(): PanelCore {
  const core = useContext(CoreContext);
  if (!core) throw new Error('shared/ui: render components inside <CoreProvider core={…}>.');
  return core;
}
