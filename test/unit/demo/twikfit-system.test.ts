import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DemoHost, startDemoHost } from '../../../demo/host/server.ts';
import { DEMO_SYSTEMS_FILE, OTHER_USER, twikfitSecret } from '../../../demo/twikfit-system/index.ts';
import { type JobBody, JobResult, SystemsFile } from '../../../shared/contract/systems.ts';

// The demo's TwikFit system over real HTTP: jobs signed with the Standard Webhooks library, results posted to a
// small server in this file that plays the rights API's callback route.

const SECRET = twikfitSecret(DEMO_SYSTEMS_FILE)!;
const HOST_SECRET = 'test-host-token-secret-at-least-32-chars';

interface Posted {
  authorization: string | undefined;
  result: JobResult;
}

let callback: Server;
let callbackUrl: string;
let posted: Posted[] = [];
let answerWith = 204;
let dir: string;
let host: DemoHost;

beforeAll(async () => {
  callback = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      posted.push({
        authorization: req.headers.authorization,
        result: JobResult.parse(JSON.parse(Buffer.concat(chunks).toString('utf8'))),
      });
      res.writeHead(answerWith).end();
    });
  });
  await new Promise<void>((resolve) => callback.listen(0, '127.0.0.1', resolve));
  callbackUrl = `http://127.0.0.1:${(callback.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => callback.close(() => resolve())));

beforeEach(async () => {
  posted = [];
  answerWith = 204;
  dir = await mkdtemp(join(tmpdir(), 'twikfit-'));
  host = await startDemoHost({
    port: 0,
    apiUrl: 'http://127.0.0.1:9',
    hostTokenSecret: HOST_SECRET,
    twikfit: { secret: SECRET, storePath: join(dir, 'twikfit.json') },
  });
});
afterEach(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

function job(type: JobBody['job']['type'], input: Record<string, unknown> = {}, subject?: JobBody['subject']) {
  const id = randomUUID();
  const body: JobBody = {
    event: type === 'consent' ? 'consent.changed' : 'request.job',
    job: { id, requestId: randomUUID(), type, system: 'twikfit', createdAt: new Date().toISOString() },
    subject: subject ?? { email: 'demo.user@example.com', hostSubject: 'demo-user-1', region: 'eea' },
    input: { type, ...input },
    callback: { url: `${callbackUrl}/v1/systems/jobs/${id}/result`, token: `token-${id}` },
  };
  return body;
}

/** POSTs a job signed the way the rights API signs it (or with another secret). */
async function send(body: JobBody, options: { secret?: string; webhookId?: string } = {}) {
  const payload = JSON.stringify(body);
  const webhookId = options.webhookId ?? `msg_${body.job.id}`;
  const signature = new Webhook(options.secret ?? SECRET).sign(webhookId, new Date(), payload);
  return fetch(`${host.url}/privacy/jobs`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': webhookId,
      'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
      'webhook-signature': signature,
    },
    body: payload,
  });
}

async function run(body: JobBody): Promise<JobResult> {
  const response = await send(body);
  expect(response.status).toBe(202);
  await host.jobs!.idle();
  expect(posted.at(-1)?.authorization).toBe(`Bearer ${body.callback.token}`);
  return posted.at(-1)!.result;
}

const pageData = async () =>
  (await (await fetch(`${host.url}/api/my-data`)).json()) as { designs: unknown[]; scans: unknown[] };

describe("the demo's systems file", () => {
  it('is valid against the contract and names TwikFit as a webhook app and the support desk as an e-mailed processor', async () => {
    const file = SystemsFile.parse(JSON.parse(await readFile(DEMO_SYSTEMS_FILE, 'utf8')));
    expect(file.systems.map((s) => [s.id, s.kind, s.connector.type])).toEqual([
      ['twikfit', 'app', 'webhook'],
      ['support_desk', 'processor', 'email'],
    ]);
  });
});

describe('the TwikFit demo system', () => {
  it('accepts a job signed with the library at once and posts its data to the callback with the bearer token', async () => {
    const result = await run(job('access', { format: 'json' }));
    expect(result.status).toBe('done');
    const { data } = result as { data: { profile: { email: string }; designs: unknown[]; scans: unknown[] } };
    expect(data.profile.email).toBe('demo.user@example.com');
    expect(data.designs).toHaveLength(2);
    expect(data.scans).toHaveLength(2);
    expect(data.scans[0]).toMatchObject({ foot: 'left', measurements: { lengthMm: expect.any(Number) } });
    expect(JSON.stringify(data.scans)).not.toMatch(/image|jpeg|png/i);
  });

  it('refuses a job signed with another secret (401) and does nothing with it', async () => {
    const other = `whsec_${Buffer.from('a different secret of thirty-two bytes!!').toString('base64')}`;
    const response = await send(job('erasure', { scope: 'all', confirmed: true }), { secret: other });
    expect(response.status).toBe(401);
    await host.jobs!.idle();
    expect(posted).toEqual([]);
    expect((await pageData()).scans).toHaveLength(2);
  });

  it('refuses a job whose body was changed after signing', async () => {
    const body = job('access');
    const payload = JSON.stringify(body);
    const signature = new Webhook(SECRET).sign('msg_1', new Date(), payload);
    const response = await fetch(`${host.url}/privacy/jobs`, {
      method: 'POST',
      headers: {
        'webhook-id': 'msg_1',
        'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
        'webhook-signature': signature,
      },
      body: payload.replace('demo-user-1', 'demo-user-2'),
    });
    expect(response.status).toBe(401);
  });

  it('erasure removes the scans and designs from its store and the page, and says what it kept, why and until when', async () => {
    const result = await run(job('erasure', { scope: 'all', confirmed: true }));
    expect(result).toEqual({
      status: 'done',
      erased: ['2 body scans (measurements and scan details)', '2 insole designs'],
      kept: [
        {
          what: 'invoice TF-2026-0011 (name, e-mail address, amount)',
          ground: 'legal obligation to keep accounting records (Art. 17(3)(b) GDPR)',
          until: '2033-03-14',
        },
      ],
    });
    expect(await pageData()).toMatchObject({ designs: [], scans: [] });
    const stored = JSON.parse(await readFile(join(dir, 'twikfit.json'), 'utf8'));
    const other = stored.users.find((u: { sub: string }) => u.sub === OTHER_USER.sub);
    expect(other.scans).toHaveLength(2);
  });

  it('an erasure of specific data erases only what its words name', async () => {
    const result = await run(job('erasure', { scope: 'specific', details: 'my foot scans', confirmed: true }));
    expect(result).toMatchObject({ status: 'done', erased: ['2 body scans (measurements and scan details)'] });
    expect(await pageData()).toMatchObject({
      designs: [{ name: 'Everyday Fit' }, { name: 'Trail Runner' }],
      scans: [],
    });
  });

  it('R48: account deletion also removes the profile and lists the invoices kept, on which ground and until when', async () => {
    const result = await run(job('account_deletion', { confirmed: true }));
    expect(result).toMatchObject({
      status: 'done',
      kept: [{ ground: 'legal obligation to keep accounting records (Art. 17(3)(b) GDPR)', until: '2033-03-14' }],
    });
    expect((result as { erased: string[] }).erased).toContain(
      'TwikFit account and profile (name, e-mail address, shoe size)',
    );
    const access = await run(job('access', {}, { email: 'demo.user@example.com', hostSubject: null, region: 'eea' }));
    expect(access).toMatchObject({ status: 'done', data: { profile: null, designs: [], scans: [] } });
  });

  it('R47: rectification applies the corrected name and says what it corrected', async () => {
    const result = await run(job('rectification', { field: 'name', correction: 'Démo Üser' }));
    expect(result).toEqual({ status: 'done', corrected: ['name, now “Démo Üser”'] });
    expect(await (await fetch(`${host.url}/api/my-data`)).json()).toMatchObject({ name: 'Démo Üser' });
  });

  it('restriction, objection and consent changes are recorded and show in a later access', async () => {
    expect(await run(job('restriction', { ground: 'accuracy-contested' }))).toEqual({ status: 'done' });
    expect(await run(job('objection', { scope: 'direct-marketing' }))).toEqual({ status: 'done' });
    expect(await run(job('consent', { purpose: 'biometric_scans', decision: 'deny' }))).toEqual({ status: 'done' });
    const access = (await run(job('access'))) as { data: Record<string, unknown> };
    expect(access.data.restriction).toMatchObject({ ground: 'accuracy-contested' });
    expect(access.data.objections).toMatchObject([{ scope: 'direct-marketing' }]);
  });

  it('answers not_found for a person it does not know', async () => {
    const result = await run(job('access', {}, { email: 'stranger@example.com', hostSubject: null, region: 'us_ca' }));
    expect(result).toEqual({ status: 'not_found', reason: 'TwikFit holds no account for this person' });
  });

  it('a job delivered twice (same webhook-id) runs once and gets the same answer again', async () => {
    const body = job('erasure', { scope: 'all', confirmed: true });
    const first = await run(body);
    const second = await run(body);
    expect(second).toEqual(first);
    expect(posted).toHaveLength(2);
  });

  it('keeps its data across a restart', async () => {
    await run(job('erasure', { scope: 'all', confirmed: true }));
    await host.close();
    host = await startDemoHost({
      port: 0,
      apiUrl: 'http://127.0.0.1:9',
      hostTokenSecret: HOST_SECRET,
      twikfit: { secret: SECRET, storePath: join(dir, 'twikfit.json') },
    });
    expect(await pageData()).toMatchObject({ designs: [], scans: [] });
  });

  it('refuses a job body over its size limit (413) and one that is not a job (400)', async () => {
    const big = job('access', { message: 'x'.repeat(300 * 1024) });
    expect((await send(big)).status).toBe(413);
    const notAJob = { ...job('access'), job: { id: 'nope' } } as unknown as JobBody;
    expect((await send(notAJob)).status).toBe(400);
  });
});
