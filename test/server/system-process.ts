// A data system as a product team would write one, run by the fulfilment tests as its own OS process (tsx):
// it verifies each job's Standard Webhooks signature with the `standardwebhooks` library, keeps the people it
// knows in its own store (a JSON file, so a system killed and started again still has them), answers 202 at
// once and posts what it did to the job's callback. A second port lets the test read its state and make it
// misbehave (down, slow, 500, garbage, 50 MB, a double or foreign callback). test/server/system-kit.ts starts it.
import { renameSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { JobBody, type JobResult } from '../../shared/contract/systems.ts';

/** How the jobs endpoint answers a delivery, whatever the job. */
export type Mode = 'ok' | 'error500' | 'slow' | 'garbage' | 'huge';

/**
 * What the system does with a verified job of a type (or `*`): `own` runs it on its store, `hold` leaves the
 * answer to the test, `double` posts its result twice, or a fixed result is posted as written.
 */
export type Rule = 'own' | 'hold' | 'double' | JobResult;

/** A person's data in this system: category name → anything. */
export type Person = Record<string, unknown>;

export interface SystemState {
  people: Record<string, Person>;
  /** Verified deliveries, in order (a redelivery of one job appears again). */
  received: JobBody[];
  /** Deliveries refused for their signature or body. */
  refused: number;
  /** The server's answers to this system's callbacks, in order. */
  answers: { job: string; status: number }[];
  /** The result given to each job, so a redelivery is answered alike and changes nothing more. */
  results: Record<string, JobResult>;
  mode: Mode;
  delayMs: number;
  rules: Record<string, Rule>;
}

export interface SystemConfig {
  id: string;
  /** The secret the system verifies with (the server's, unless a test gives it another). */
  secret: string;
  stateFile: string;
  /** What an erasure leaves, on which ground: categories of a person's data named here are kept. */
  keeps: { category: string; what: string; ground: string; until?: string }[];
  /** The categories that exist only for a purpose: erased when its consent is withdrawn (R24). */
  purposeCategories: Record<string, string[]>;
}

const MB = 1024 * 1024;
const config = JSON.parse(process.env.SYSTEM_CONFIG ?? '{}') as SystemConfig;
const verifier = new Webhook(config.secret);
const fresh: SystemState = {
  people: {},
  received: [],
  refused: 0,
  answers: [],
  results: {},
  mode: 'ok',
  delayMs: 0,
  rules: {},
};
const state: SystemState = (() => {
  try {
    return JSON.parse(readFileSync(config.stateFile, 'utf8')) as SystemState;
  } catch {
    return structuredClone(fresh);
  }
})();

/** Written whole, through a rename, so a kill -9 never leaves half a file. */
function save(): void {
  writeFileSync(`${config.stateFile}.tmp`, JSON.stringify(state));
  renameSync(`${config.stateFile}.tmp`, config.stateFile);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body ?? null);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

/** What the system does with a job on its own data. */
function run(job: JobBody): JobResult {
  const email = job.subject.email ?? '';
  const person = state.people[email];
  const { input } = job;
  const type = job.job.type;
  // A test delivery from the console's Systems page asks about no person: answered done (docs/connectors.md).
  if (type === 'test') return { status: 'done' };
  if (type === 'consent') {
    if (person) ((person.consentChanges as unknown[] | undefined) ?? (person.consentChanges = [])).push(input);
    return { status: 'done' };
  }
  if (!person) return { status: 'not_found', reason: `${config.id} holds nothing on this person` };
  if (type === 'access' || type === 'portability') return { status: 'done', data: person };
  if (type === 'erasure' || type === 'account_deletion') {
    const only = job.event === 'consent.changed' ? (config.purposeCategories[String(input.purpose)] ?? []) : null;
    const kept = config.keeps.filter((k) => k.category in person && !only?.includes(k.category));
    const erased = Object.keys(person).filter(
      (category) => !kept.some((k) => k.category === category) && (!only || only.includes(category)),
    );
    for (const category of erased) delete person[category];
    return { status: 'done', erased, kept: kept.map(({ category: _, ...item }) => item) };
  }
  if (type === 'rectification') {
    const field = String(input.field);
    const holder = Object.values(person).find(
      (value): value is Record<string, unknown> => typeof value === 'object' && value !== null && field in value,
    );
    if (!holder) return { status: 'not_found', reason: `${config.id} holds no ${field}` };
    holder[field] = input.correction;
    return { status: 'done', corrected: [`${field} → ${String(input.correction)}`] };
  }
  if (type === 'restriction') {
    person.restricted = input.lifted !== true;
    return { status: 'done' };
  }
  if (type === 'objection') {
    ((person.objections as unknown[] | undefined) ?? (person.objections = [])).push(input);
    return { status: 'done' };
  }
  return { status: 'not_found', reason: `${config.id} does not handle ${type}` };
}

/** POSTs to a callback; `megabytes` streams a body that large. Answers the status, or the error as text. */
function post(
  url: string,
  token: string | null,
  body: string | { megabytes: number },
): Promise<{ status: number; body: unknown } | { error: string }> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token !== null) headers.authorization = `Bearer ${token}`;
    const req = request(url, { method: 'POST', headers }, (res) => {
      void readBody(res).then((text) => {
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {}
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
    });
    req.on('error', (error) => resolve({ error: error.message }));
    if (typeof body === 'string') return void req.end(body);
    // `{"status":"done","data":"xxxx…"}`: a well-formed result, only far too large.
    const chunk = Buffer.alloc(MB, 'x');
    req.write('{"status":"done","data":"');
    let left = body.megabytes;
    const more = (): void => {
      while (left > 0) {
        left -= 1;
        if (!req.write(chunk)) return void req.once('drain', more);
      }
      req.end('"}');
    };
    more();
  });
}

/** As a real system would: the result is posted until the server takes it (or says it already has one). */
async function answer(job: JobBody, result: JobResult): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    const answered = await post(job.callback.url, job.callback.token, JSON.stringify(result));
    if ('status' in answered && answered.status < 500) {
      state.answers.push({ job: job.job.id, status: answered.status });
      return save();
    }
    await sleep(100);
  }
}

async function handleJob(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const text = await readBody(req);
  if (state.mode === 'error500') return void res.writeHead(500).end('the system is broken');
  if (state.mode === 'garbage') return void req.socket.end('this is not HTTP\r\n\r\n');
  if (state.mode === 'huge') {
    res.writeHead(500, { 'content-type': 'text/plain' });
    const chunk = Buffer.alloc(MB, 'y');
    for (let i = 0; i < 50; i++) res.write(chunk);
    return void res.end();
  }
  if (state.mode === 'slow') {
    await sleep(3_000);
    if (!res.writableEnded) res.writeHead(202).end();
    return;
  }
  let job: JobBody;
  try {
    // Checks the HMAC over id, timestamp and body, and refuses a timestamp more than five minutes off.
    const headers = Object.fromEntries(
      ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [h, String(req.headers[h] ?? '')]),
    );
    job = JobBody.parse(verifier.verify(text, headers));
  } catch {
    state.refused += 1;
    save();
    return void res.writeHead(401).end('signature not valid');
  }
  if (state.delayMs > 0) await sleep(state.delayMs);
  state.received.push(job);
  const rule = state.rules[job.job.type] ?? state.rules['*'] ?? 'own';
  const result =
    rule === 'hold' ? undefined : (state.results[job.job.id] ??= typeof rule === 'object' ? rule : run(job));
  save();
  res.writeHead(202).end();
  if (!result) return;
  await answer(job, result);
  if (rule === 'double') await answer(job, result);
}

async function handleControl(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const text = await readBody(req);
  const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  const path = new URL(req.url ?? '/', 'http://control').pathname;
  if (path === '/state') return reply(res, 200, state);
  if (path === '/mode') {
    state.mode = (body.mode as Mode | undefined) ?? state.mode;
    state.delayMs = (body.delayMs as number | undefined) ?? state.delayMs;
  } else if (path === '/rules') state.rules = body.rules as Record<string, Rule>;
  else if (path === '/people') state.people[String(body.email)] = body.data as Person;
  else if (path === '/answer') {
    // The test's hand on a held job: any result, raw text, another job's token, no token, or a body of N MB.
    const job = state.received.find((j) => j.job.id === body.job);
    if (!job) return reply(res, 404, { error: `no job ${String(body.job)}` });
    const token =
      body.tokenOf !== undefined
        ? state.received.find((j) => j.job.id === body.tokenOf)!.callback.token
        : body.token === null
          ? null
          : ((body.token as string | undefined) ?? job.callback.token);
    const sent =
      typeof body.megabytes === 'number'
        ? { megabytes: body.megabytes }
        : ((body.raw as string | undefined) ?? JSON.stringify(body.result));
    const answered = await post(job.callback.url, token, sent);
    if ('status' in answered) state.answers.push({ job: job.job.id, status: answered.status });
    save();
    return reply(res, 200, answered);
  } else return reply(res, 404, { error: `no control ${path}` });
  save();
  reply(res, 200, { ok: true });
}

const listen = (server: Server, port: number) =>
  new Promise<number>((resolve) =>
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
const fail = (res: ServerResponse) => (error: unknown) => {
  if (!res.headersSent) res.writeHead(500).end(String(error));
};
const jobs = createServer((req, res) => void handleJob(req, res).catch(fail(res)));
const control = createServer((req, res) => void handleControl(req, res).catch(fail(res)));
const jobsPort = await listen(jobs, Number(process.env.SYSTEM_JOBS_PORT ?? 0));
const controlPort = await listen(control, Number(process.env.SYSTEM_CONTROL_PORT ?? 0));
save();
console.log(`system ${config.id} jobs on ${jobsPort} control on ${controlPort}`);
