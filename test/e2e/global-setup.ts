import { build } from 'vite';
import { BrowserSetupError, ensureBrowsers } from '../browsers/ensure.ts';
import { thisMachine } from '../browsers/machine.ts';

/**
 * Before any browser test: Chromium and Firefox ESR found (or installed from Debian, or a stop naming the one
 * command), so `vitest run --project e2e` works on a fresh machine as `npm test` does; then the widget as
 * shipped, built once, fresh (toolchain pitfall 9: never a stale dist).
 */
export default async function setup(): Promise<void> {
  try {
    ensureBrowsers(thisMachine());
  } catch (error) {
    // Only the message: a stack under it would bury the command to run.
    if (error instanceof BrowserSetupError)
      throw Object.assign(new Error(`The browser tests cannot run:\n${error.message}`), { stack: '' });
    throw error;
  }
  await build({ mode: 'widget', logLevel: 'warn' });
}
