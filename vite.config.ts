import { defineConfig } from 'vite';

// One config, switched by mode (../shared/docs/toolchain.md, pitfall 5):
//   --mode widget    → dist/widget/twikit-privacy.js   (the embeddable widget, issue 3)
//   --mode extension → dist/extension                  (MV3, Chromium, issue 4)
//   --mode firefox   → dist/firefox                    (MV3, Firefox, issue 4)
// Only the modes that exist build; any other mode stops with a message saying what is missing.
const BUILDS: Record<string, never> = {};

export default defineConfig(({ mode }) => {
  const build = BUILDS[mode];
  if (!build) {
    throw new Error(`vite.config.ts: no build for mode "${mode}" yet (available: ${Object.keys(BUILDS).join(', ') || 'none'}).`);
  }
  return build;
});
