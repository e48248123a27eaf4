// `npm test`'s first step (and the e2e project's global setup): the browsers, found or installed, or a stop
// with the one command to run. Prints where each was found.
import { BrowserSetupError, ensureBrowsers } from './ensure.ts';
import { thisMachine } from './machine.ts';

try {
  const located = ensureBrowsers(thisMachine());
  for (const [name, { path, version }] of Object.entries(located))
    console.log(`${name}: ${path}${version ? ` (${version})` : ''}`);
} catch (error) {
  if (!(error instanceof BrowserSetupError)) throw error;
  console.error(`\nThe browser tests cannot run:\n${error.message}\n`);
  process.exit(1);
}
