// CLI: `npx tsx tools/json-schemas.ts` writes docs/schemas/consent.schema.json, the JSON Schema (2020-12) of consent
// records and receipts, generated from the zod contract (R36: 27560 publishes none, so Twikit keeps its own);
// `--check` fails (exit 1) when the committed file is not what the contract generates, for CI.
import { readFile, writeFile } from 'node:fs/promises';
import * as z from 'zod/mini';
import { ConsentRecord } from '../shared/contract/consent.ts';
import { ConsentReceipt, KantaraReceipt, SignedReceipt } from '../shared/contract/receipt.ts';

const target = new URL('../docs/schemas/consent.schema.json', import.meta.url);
const schemas = { ConsentRecord, ConsentReceipt, SignedReceipt, KantaraReceipt };

/** One document, each schema under `$defs` (written as the server writes them: output side, no extra fields). */
function renderJsonSchemas(): string {
  const defs = Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => {
      const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io: 'output' }) as Record<string, unknown>;
      return [name, json];
    }),
  );
  const document = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://privacy.twikit.com/schemas/consent.schema.json',
    title: 'Twikit consent records and receipts',
    $defs: defs,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

{
  const fresh = renderJsonSchemas();
  if (process.argv.includes('--check')) {
    const committed = await readFile(target, 'utf8').catch(() => null);
    if (committed !== fresh) {
      console.error('docs/schemas/consent.schema.json is out of date: run npm run schemas');
      process.exit(1);
    }
    console.log('docs/schemas/consent.schema.json is up to date');
  } else {
    await writeFile(target, fresh);
    console.log('wrote docs/schemas/consent.schema.json');
  }
}
