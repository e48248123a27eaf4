// R36: every consent record and receipt a server test receives is checked against the committed JSON Schema
// (docs/schemas/consent.schema.json, `npm run schemas`) — the file an outside auditor would validate with, not the
// zod contract it is generated from. The test client (harness.ts) runs `checkConsentResponse` on every response.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';

const schemaDocument = JSON.parse(
  readFileSync(new URL('../../docs/schemas/consent.schema.json', import.meta.url), 'utf8'),
) as { $id: string; $defs: Record<string, unknown> };
const ajv = new Ajv2020({ strict: false, validateFormats: false }).addSchema(schemaDocument);

export type RecordSchemaName = 'ConsentRecord' | 'ConsentReceipt' | 'SignedReceipt' | 'KantaraReceipt';

/** Why `value` is not a valid `name` under the committed schema, or null when it is. */
export function schemaErrors(name: RecordSchemaName, value: unknown): string | null {
  const validate = ajv.getSchema(`${schemaDocument.$id}#/$defs/${name}`);
  if (!validate) throw new Error(`docs/schemas/consent.schema.json has no $defs/${name}`);
  return validate(value) ? null : ajv.errorsText(validate.errors, { dataVar: name });
}

export class RecordSchemaError extends Error {
  override name = 'RecordSchemaError';
}

function check(name: RecordSchemaName, value: unknown, where: string): void {
  const errors = schemaErrors(name, value);
  if (errors) throw new RecordSchemaError(`R36: ${where} is not a valid ${name}: ${errors}`);
}

/** The payload a compact JWS signs, parsed (the receipt as signed, which may differ from the one beside it). */
function jwsPayload(jws: string): unknown {
  const payload = jws.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
}

/**
 * Throws when a successful answer of a consent route carries a record or a receipt the schema refuses: the record
 * of a decision, each record of a history page, a signed receipt and the receipt payload its JWS signs, a Kantara
 * export. Other routes, problems and the printable page pass through.
 */
export function checkConsentResponse(method: string, path: string, status: number, body: unknown): void {
  if (status < 200 || status >= 300 || body === null || typeof body !== 'object') return;
  const url = new URL(path, 'http://test.invalid');
  const route = `${method.toUpperCase()} ${url.pathname}`;
  const b = body as Record<string, unknown>;
  if (route === 'POST /v1/consents') check('ConsentRecord', b.record, `${route} record`);
  if (route === 'GET /v1/consents/history') {
    if (!Array.isArray(b.records)) throw new RecordSchemaError(`R36: ${route} answered no records array`);
    for (const [i, record] of b.records.entries()) check('ConsentRecord', record, `${route} records[${i}]`);
  }
  if (/^GET \/v1\/consents\/[^/]+\/receipt$/.test(route)) {
    const format = url.searchParams.get('format') ?? 'jws';
    if (format === 'kantara') check('KantaraReceipt', body, `${route}?format=kantara`);
    if (format === 'jws') {
      check('SignedReceipt', body, route);
      check('ConsentReceipt', b.receipt, `${route} receipt`);
      check('ConsentReceipt', jwsPayload(String(b.jws)), `${route} JWS payload`);
    }
  }
}
