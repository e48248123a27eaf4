import { defineConfig, type UserConfig } from 'vite';
import { consoleBuild } from './console/vite-builds.ts';
import { extensionBuild } from './extension/vite-builds.ts';
import { frameBuild } from './frame/vite-builds.ts';
import { widgetBuild } from './widget/vite-builds.ts';

// One config, switched by mode (`vite build --mode <name>`). Each surface keeps its builds in
// its own folder; this file only picks one:
//   --mode widget    → dist/widget/     (widget/vite-builds.ts)
//   --mode extension → dist/extension/  MV3 for Chromium (extension/vite-builds.ts)
//   --mode firefox   → dist/firefox/    MV3 for Firefox, with background.scripts and gecko settings
//   --mode console   → dist/console/    the operator console, served by the reference server at /console
//   --mode frame     → dist/widget/frame/ the sign-in frame alone (the widget build also builds it), served at /frame/
const BUILDS: Record<string, () => UserConfig> = {
  widget: () => widgetBuild,
  extension: () => extensionBuild('chrome'),
  firefox: () => extensionBuild('firefox'),
  console: consoleBuild,
  frame: () => frameBuild(),
};

export default defineConfig(({ mode }) => {
  const config = BUILDS[mode];
  if (!config)
    throw new Error(`vite.config.ts: no build for mode "${mode}" (available: ${Object.keys(BUILDS).join(', ')}).`);
  return config();
});
