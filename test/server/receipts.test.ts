import { defaultNoticeEn } from '../../shared/notice/default-notice.ts';
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentRecord } from '../../shared/contract/consent.ts';
import type { NoticeDocument } from '../../shared/contract/notice.ts';
import type { KantaraReceipt, SignedReceipt } from '../../shared/contract/receipt.ts';
import { canonicalJson } from '../../shared/notice/canonical-json.ts';
import {
  client,
  createTestDatabase,
  DB_KIND,
  hostToken,
  newKey,
  startTestServer,
  type Client,
  type TestDatabase,
  type TestServer,
  signingKeyPem,
} from './harness.ts';
import { type RecordSchemaName, schemaErrors } from './record-schema.ts';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url);

// R36: the committed JSON Schema (npm run schemas), not the zod contract: what an outside auditor would use. The
// test client checks every record and receipt it receives (record-schema.ts); these say so where it matters.
function expectValid(name: RecordSchemaName, value: unknown): void {
  expect(schemaErrors(name, value)).toBeNull();
}

/** Verifies a receipt's JWS with jose against a JWKS, and returns the signed payload as text. */
async function verifiedPayload(signed: SignedReceipt, jwks: JSONWebKeySet): Promise<string> {
  const { payload } = await compactVerify(signed.jws, createLocalJWKSet(jwks));
  return new TextDecoder().decode(payload);
}

/** Changes one character of `text` at `at` (to another base64url / text character). */
const flip = (text: string, at: number): string =>
  text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);

describe(`consent receipts (${DB_KIND})`, () => {
  let server: TestServer;
  let api: Client;
  let version: string;

  const decide = async (token: string, purpose: string, decision: string, extra: Record<string, unknown> = {}) => {
    const res = await api.post(
      '/v1/consents',
      {
        purpose,
        decision,
        method: 'ui',
        surface: { kind: 'widget', app: 'twikfit' },
        noticeVersion: version,
        locale: 'en',
        ...extra,
      },
      { token },
    );
    expect(res.status, res.text).toBe(201);
    return res.body.record as ConsentRecord;
  };
  const history = async (token: string): Promise<ConsentRecord[]> =>
    (await api.get('/v1/consents/history', { token })).body.records;
  const receiptOf = async (token: string, id: string): Promise<SignedReceipt> => {
    const res = await api.get<SignedReceipt>(`/v1/consents/${id}/receipt`, { token });
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    return res.body;
  };

  /** A person's series of decisions on every purpose, as the widget would send them. */
  async function series(token: string): Promise<ConsentRecord[]> {
    await decide(token, 'third_party_sharing', 'grant', { control: 'toggle' });
    await decide(token, 'third_party_sharing', 'deny', { control: 'toggle' });
    await decide(token, 'telemetry', 'object', { control: 'object' });
    await decide(token, 'biometric_scans', 'grant', { control: 'just-in-time' });
    return history(token);
  }

  beforeAll(async () => {
    server = await startTestServer();
    api = client(server.url);
    version = (await api.get('/v1/notice')).body.notice.version;
  });
  afterAll(async () => server?.stop());

  it('R32, R34, R36: every record of a series of decisions has a receipt that verifies with jose against the published JWKS', async () => {
    const token = await hostToken(`receipts-${newKey()}`);
    const records = await series(token);
    expect(records).toHaveLength(4);
    const jwks = (await api.get<JSONWebKeySet>('/.well-known/jwks.json')).body;
    expect(jwks.keys.length).toBeGreaterThan(0);
    for (const record of records) {
      expectValid('ConsentRecord', record);
      const signed = await receiptOf(token, record.id);
      expectValid('SignedReceipt', signed);
      expect(await verifiedPayload(signed, jwks)).toBe(canonicalJson(signed.receipt));
      const { receipt } = signed;
      // The fields ISO/IEC TS 27560 asks for, with the facts of the notice version the record names.
      expect(receipt).toMatchObject({
        standard: 'ISO/IEC TS 27560:2023',
        receiptId: record.id,
        issuer: server.url,
        issuedAt: record.recordedAt,
        subject: { id: record.subjectId, kind: 'user' },
        controller: { name: 'Twikit NV', email: 'privacy@twikit.com' },
        notice: { version: record.noticeVersion, hash: record.noticeHash, locale: 'en' },
        purpose: {
          id: record.purpose,
          legalBasis: record.legalBasis,
          specialCategory: record.specialCategory,
          jurisdiction: 'Belgium',
        },
        event: {
          type: record.event,
          active: record.active,
          method: record.method,
          control: record.control,
          surface: record.surface,
          gpc: record.gpc,
          recordedAt: record.recordedAt,
        },
        validity: { from: record.recordedAt, until: null },
        record: { id: record.id, hash: record.hash },
      });
      expect(receipt.purpose.dataTypes.length).toBeGreaterThan(0);
      expect(receipt.purpose.recipients).toContain('Twikit NV');
      // Retention and recipients are the purpose's own, as the notice states them (issue 13.1).
      const stated = defaultNoticeEn.purposes.find((p) => p.id === record.purpose)!;
      expect(receipt.purpose.retention).toBe(stated.retention.text);
      expect(receipt.purpose.recipients).toEqual(stated.recipients.map((r) => r.name));
      expect(receipt.purpose.thirdPartyDisclosure).toBe(stated.recipients.some((r) => r.thirdParty));
      expect(receipt.purpose.storage.map((s) => s.location)).toEqual(['Ireland', 'California, United States']);
    }
    const scan = (await receiptOf(token, records[3]!.id)).receipt.purpose;
    expect(scan).toMatchObject({
      dataTypes: ['3D body scan data'],
      specialCategory: true,
      legalBasis: 'explicit_consent',
    });
  });

  it('R34: a receipt changed by one byte, in its signature or in its readable part, no longer verifies', async () => {
    const token = await hostToken(`tamper-${newKey()}`);
    const record = await decide(token, 'third_party_sharing', 'grant');
    const signed = await receiptOf(token, record.id);
    const jwks = (await api.get<JSONWebKeySet>('/.well-known/jwks.json')).body;
    const [head, payload, signature] = signed.jws.split('.') as [string, string, string];
    await expect(
      verifiedPayload({ ...signed, jws: `${head}.${flip(payload, 10)}.${signature}` }, jwks),
    ).rejects.toThrow();
    await expect(
      verifiedPayload({ ...signed, jws: `${head}.${payload}.${flip(signature, 5)}` }, jwks),
    ).rejects.toThrow();
    // The readable part no longer matches what was signed.
    const edited = { ...signed.receipt, event: { ...signed.receipt.event, active: !signed.receipt.event.active } };
    expect(await verifiedPayload(signed, jwks)).not.toBe(canonicalJson(edited));
  });

  it("R34: another person's record answers exactly like an unknown id (404), and a device's own receipt works", async () => {
    const ann = await hostToken(`ann-${newKey()}`);
    const bob = await hostToken(`bob-${newKey()}`);
    const annRecord = await decide(ann, 'third_party_sharing', 'grant');
    const theirs = await api.get(`/v1/consents/${annRecord.id}/receipt`, { token: bob });
    const unknown = await api.get('/v1/consents/00000000-0000-4000-8000-000000000000/receipt', { token: bob });
    const malformed = await api.get('/v1/consents/not-an-id/receipt', { token: bob });
    for (const res of [theirs, unknown, malformed]) {
      expect(res.status).toBe(404);
      expect({ type: res.body.type, title: res.body.title, detail: res.body.detail }).toEqual({
        type: unknown.body.type,
        title: unknown.body.title,
        detail: unknown.body.detail,
      });
    }
    expect((await api.get(`/v1/consents/${annRecord.id}/receipt`)).status).toBe(401);
    expect((await api.get(`/v1/consents/${annRecord.id}/receipt?format=kantara`, { token: bob })).status).toBe(404);

    const device = (await api.post('/v1/auth/device', {})).body.token as string;
    const visit = await decide(device, 'third_party_sharing', 'deny');
    expect((await receiptOf(device, visit.id)).receipt.subject).toEqual({ id: visit.subjectId, kind: 'device' });
  });

  it('R33, R36: the Kantara v1.1 export names the controller, the service and the purpose of the same record', async () => {
    const token = await hostToken(`kantara-${newKey()}`);
    const records = await series(token);
    for (const record of records) {
      const res = await api.get<KantaraReceipt>(`/v1/consents/${record.id}/receipt?format=kantara`, { token });
      expect(res.status, res.text).toBe(200);
      expectValid('KantaraReceipt', res.body);
      expect(res.body).toMatchObject({
        version: 'KI-CR-v1.1.0',
        jurisdiction: 'Belgium',
        consentTimestamp: Date.parse(record.recordedAt) / 1000,
        consentReceiptID: record.id,
        piiPrincipalId: record.subjectId,
        language: 'en',
        piiControllers: [{ piiController: 'Twikit NV', email: 'privacy@twikit.com' }],
        sensitive: record.specialCategory,
      });
      expect(res.body.policyUrl).toBe(`${server.url}/v1/notice?version=${version}&locale=en`);
      const [purpose] = res.body.services[0]!.purposes;
      expect(purpose).toMatchObject({ purposeCategory: [record.purpose] });
      expect(purpose!.piiCategory.length).toBeGreaterThan(0);
    }
    const [sharing, , , scan] = records;
    const kantara = async (id: string) =>
      (await api.get<KantaraReceipt>(`/v1/consents/${id}/receipt?format=kantara`, { token })).body;
    expect((await kantara(sharing!.id)).services[0]!.purposes[0]).toMatchObject({
      consentType: 'EXPRESSED',
      thirdPartyDisclosure: true,
    });
    expect(await kantara(scan!.id)).toMatchObject({ sensitive: true, spiCat: ['3D body scan data'] });
  });

  it('R34: the readable receipt is a page to print, every value escaped, with the signed receipt in full', async () => {
    const token = await hostToken(`page-${newKey()}`);
    const record = await decide(token, 'third_party_sharing', 'grant', { control: 'toggle' });
    const res = await api.get(`/v1/consents/${record.id}/receipt?format=html`, { token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(res.text).toMatch(/^<!doctype html>/);
    expect(res.text).toContain('<dt>Controller</dt><dd>Twikit NV, Hessenplein 2, 2000 Antwerpen, Belgium');
    expect(res.text).toContain(`&quot;receiptId&quot;: &quot;${record.id}&quot;`);
    expect(res.text).not.toMatch(/<script/i);
    expect(
      (await api.get(`/v1/consents/${record.id}/receipt?format=html`, { token: await hostToken(`x-${newKey()}`) }))
        .status,
    ).toBe(404);
  });

  it('R34: a Dutch decision’s printable receipt is in Dutch: its words, and the notice’s purpose, recipients and retention', async () => {
    const token = await hostToken(`page-nl-${newKey()}`);
    const record = await decide(token, 'third_party_sharing', 'grant', { control: 'toggle', locale: 'nl' });
    const dutch = (await api.get(`/v1/notice?locale=nl`)).body.notice as NoticeDocument;
    expect(dutch.locale).toBe('nl');
    const stated = dutch.purposes.find((p) => p.id === record.purpose)!;
    // The signed receipt carries the Dutch notice's facts of the purpose, recipients translated too.
    const { receipt } = await receiptOf(token, record.id);
    expect(receipt.notice.locale).toBe('nl');
    expect(receipt.purpose.recipients).toEqual(stated.recipients.map((r) => r.name));
    expect(receipt.purpose.recipients).toContain('Amazon AWS (hostingprovider)');
    const page = (await api.get(`/v1/consents/${record.id}/receipt?format=html`, { token })).text;
    const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;');
    expect(page).toContain('<html lang="nl">');
    expect(page).toContain('<h1>Ontvangstbewijs van uw toestemming</h1>');
    expect(page).toContain(`<dt>Doel</dt><dd>${escaped(stated.title)} (${stated.id})</dd>`);
    expect(page).toContain('<dt>Beslissing</dt><dd>toestemming gegeven — van kracht');
    expect(page).toContain('<dt>Rechtsgrond</dt><dd>toestemming</dd>');
    expect(page).toContain(`<dt>Ontvangers</dt><dd>${escaped(stated.recipients.map((r) => r.name).join('; '))}</dd>`);
    expect(page).toContain(`<dt>Bewaring</dt><dd>${escaped(stated.retention.text)}</dd>`);
    expect(page).toContain('<dt>Verwerkingsverantwoordelijke</dt><dd>Twikit NV, Hessenplein 2, 2000 Antwerpen, België');
    for (const english of ['Consent receipt', '<dt>Purpose</dt>', '<dt>Recipients</dt>', 'consent given', '(hosting)'])
      expect(page).not.toContain(english);
  });

  it('R34: the verifier anyone can run accepts a receipt, and refuses it once one byte changes', async () => {
    const token = await hostToken(`cli-${newKey()}`);
    const record = await decide(token, 'biometric_scans', 'grant', { control: 'just-in-time' });
    const signed = await receiptOf(token, record.id);
    const dir = mkdtempSync(join(tmpdir(), 'tpc-receipt-'));
    try {
      const file = join(dir, 'receipt.json');
      writeFileSync(file, JSON.stringify(signed, null, 2));
      const ok = await run(process.execPath, ['--import', 'tsx', 'tools/verify-receipt.ts', file], { cwd: root });
      expect(ok.stdout).toMatch(/^OK: receipt .* verifies/);
      const text = readFileSync(file, 'utf8');
      const at = text.indexOf('"just-in-time"') + 2;
      writeFileSync(file, flip(text, at));
      const refused = await run(process.execPath, ['--import', 'tsx', 'tools/verify-receipt.ts', file], {
        cwd: root,
      }).catch((error: { code: number; stderr: string }) => error);
      expect(refused).toMatchObject({ code: 1, stderr: expect.stringMatching(/NOT VALID: the receipt differs/) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('R32: the notice version a receipt cites is served as published, and an unknown one is 404', async () => {
    const res = await api.get(`/v1/notice?version=${encodeURIComponent(version)}`);
    expect(res.status).toBe(200);
    expect(res.body.notice.version).toBe(version);
    expect((await api.get('/v1/notice?version=never-published')).status).toBe(404);
  });
});

describe(`receipt keys across restarts and rotation (${DB_KIND})`, () => {
  let database: TestDatabase;
  const pem = signingKeyPem;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.dispose());

  /** Starts a server on the shared database, records one decision, and returns its receipt and the JWKS. */
  async function oneReceipt(env: Record<string, string>) {
    const server = await startTestServer(env, database);
    try {
      const api = client(server.url);
      const token = await hostToken(`rotation-${newKey()}`);
      const noticeVersion = (await api.get('/v1/notice')).body.notice.version;
      const decided = await api.post(
        '/v1/consents',
        {
          purpose: 'third_party_sharing',
          decision: 'grant',
          method: 'ui',
          surface: { kind: 'api' },
          noticeVersion,
          locale: 'en',
        },
        { token },
      );
      const signed = (await api.get<SignedReceipt>(`/v1/consents/${decided.body.record.id}/receipt`, { token })).body;
      const jwks = (await api.get<JSONWebKeySet>('/.well-known/jwks.json')).body;
      return { signed, jwks, kid: JSON.parse(Buffer.from(signed.jws.split('.')[0]!, 'base64url').toString()).kid };
    } finally {
      await server.stop();
    }
  }

  it('R34: development keeps its generated key across a restart; a rotated key stays published and its receipts verify', async () => {
    const first = await oneReceipt({});
    const restarted = await oneReceipt({});
    expect(restarted.kid).toBe(first.kid);

    const rotated = await oneReceipt({ RECEIPT_SIGNING_KEY: pem() });
    expect(rotated.kid).not.toBe(first.kid);
    expect(rotated.jwks.keys[0]!.kid).toBe(rotated.kid);
    expect(rotated.jwks.keys.map((k) => k.kid)).toContain(first.kid);
    expect(await verifiedPayload(first.signed, rotated.jwks)).toBe(canonicalJson(first.signed.receipt));
    expect(await verifiedPayload(rotated.signed, rotated.jwks)).toBe(canonicalJson(rotated.signed.receipt));
  }, 180_000); // three server starts on a loaded machine

  it('R34: RECEIPT_SIGNING_KEYS_RETIRED publishes an earlier key on a server that never stored it', async () => {
    const other = await createTestDatabase();
    try {
      const earlier = generateKeyPairSync('ed25519');
      const earlierPem = earlier.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
      const old = await oneReceipt({ RECEIPT_SIGNING_KEY: earlierPem });
      const retired = JSON.stringify([earlier.publicKey.export({ format: 'jwk' })]);
      const server = await startTestServer(
        { RECEIPT_SIGNING_KEY: pem(), RECEIPT_SIGNING_KEYS_RETIRED: retired },
        other,
      );
      try {
        const jwks = (await client(server.url).get<JSONWebKeySet>('/.well-known/jwks.json')).body;
        expect(jwks.keys.map((k) => [k.kid, k.alg])).toContainEqual([old.kid, 'EdDSA']);
        expect(await verifiedPayload(old.signed, jwks)).toBe(canonicalJson(old.signed.receipt));
      } finally {
        await server.stop();
      }
    } finally {
      await other.dispose();
    }
  }, 120_000);
});
