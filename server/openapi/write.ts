// CLI: `npx tsx server/openapi/write.ts` writes server/openapi.json from the contract;
// `--check` fails (exit 1) when the committed file is not what the contract generates, for CI.
import { readFile, writeFile } from 'node:fs/promises';
import { renderOpenApi } from './generate.ts';

const target = new URL('../openapi.json', import.meta.url);
const fresh = renderOpenApi();

if (process.argv.includes('--check')) {
  const committed = await readFile(target, 'utf8').catch(() => null);
  if (committed !== fresh) {
    console.error('server/openapi.json is out of date: run npm run openapi');
    process.exit(1);
  }
  console.log('server/openapi.json is up to date');
} else {
  await writeFile(target, fresh);
  console.log('wrote server/openapi.json');
}
