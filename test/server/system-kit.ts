import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import * as z from 'zod/mini';
import { type DataSystem, JobBody, type JobResult } from '../../shared/contract/systems.ts';

/** A fresh Standard Webhooks secret. */
export const newSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

/**
 * What a system does with a verified job: answer at once with a result (posted to the callback right after its
 * 202), `hold` it (the test answers later with `answer`), or nothing more than acknowledging it.
 */
export type Behaviour = (job: JobBody) => JobResult | 'hold' | 'ack';

/** How the system's HTTP endpoint answers a delivery, whatever the job. */
export type Mode = 'ok' | 'error500' | 'slow' | 'down';

/**
 * A data system as a product team would write one: a node http server that verifies each job's signature
 * with `standardwebhooks` (refusing a wrong one with 401), answers 202 at once and posts its result to the
 * job's callback. It counts deliveries per job id (the `webhook-id`), so a test can tell "exactly once".
 */
export interface FakeSystem {
  id: string;
  url: string;
  secret: string;
  /** Verified deliveries, in order (a redelivery of one job appears again). */
  received: JobBody[];
  /** Deliveries refused for their signature. */
  refused: number;
  /** The server's answers to this system's results, per job. */
  answers: { job: string; status: number }[];
  /** How long the system takes before it acknowledges a job. */
  delayMs: number;
  mode: Mode;
  behaviour: Behaviour;
  /** Posts `result` to the job's callback (as the system would, later). */
  answer(job: JobBody, result: unknown, options?: { token?: string; raw?: string }): Promise<Response>;
  deliveries(jobId: string): number;
  /** Stops listening (connections are refused) until `up()`, on the same port. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });

export async function startFakeSystem(
  id: string,
  behaviour: Behaviour,
  options: { verifyWith?: string } = {},
): Promise<FakeSystem> {
  const secret = newSecret();
  const verifier = new Webhook(options.verifyWith ?? secret);
  let port = 0;
  let server: Server | undefined;
  const system: FakeSystem = {
    id,
    url: '',
    secret,
    received: [],
    refused: 0,
    answers: [],
    delayMs: 0,
    mode: 'ok',
    behaviour,
    async answer(job, result, opts = {}) {
      return fetch(job.callback.url, {
        method: 'POST',
        headers: { authorization: `Bearer ${opts.token ?? job.callback.token}`, 'content-type': 'application/json' },
        body: opts.raw ?? JSON.stringify(result),
      });
    },
    deliveries: (jobId) => system.received.filter((j) => j.job.id === jobId).length,
    down: () =>
      new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())).then(() => {
        server?.closeAllConnections();
        server = undefined;
      }),
    up: () => listen(),
    close: () => system.down(),
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await readBody(req);
    if (system.mode === 'error500') return void res.writeHead(500).end('the system is broken');
    if (system.mode === 'slow') {
      await new Promise((r) => setTimeout(r, 3_000));
      if (!res.writableEnded) res.writeHead(202).end();
      return;
    }
    let job: JobBody;
    try {
      const headers = Object.fromEntries(
        ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [h, String(req.headers[h] ?? '')]),
      );
      job = z.parse(JobBody, verifier.verify(text, headers));
    } catch {
      system.refused += 1;
      return void res.writeHead(401).end('signature not valid');
    }
    if (system.delayMs > 0) await new Promise((r) => setTimeout(r, system.delayMs));
    system.received.push(job);
    res.writeHead(202).end();
    const outcome = system.behaviour(job);
    if (outcome === 'hold' || outcome === 'ack') return;
    // As a real system would: the result is posted until the server takes it (or says it already has one).
    for (let tries = 0; tries < 200; tries++) {
      const answered = await system.answer(job, outcome).catch(() => undefined);
      if (answered && answered.status < 500) {
        system.answers.push({ job: job.job.id, status: answered.status });
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function listen(): Promise<void> {
    server = createServer((req, res) => void handle(req, res).catch(() => res.writeHead(500).end()));
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', () => resolve()));
    port = (server.address() as AddressInfo).port;
    system.url = `http://127.0.0.1:${port}/privacy/jobs`;
  }

  await listen();
  return system;
}

/** The systems file entry of a fake system. */
export function webhookEntry(system: FakeSystem, extra: Partial<DataSystem> = {}): DataSystem {
  return {
    id: system.id,
    name: extra.name ?? system.id,
    kind: 'app',
    regions: ['eea', 'us_ca'],
    handles: ['access', 'portability', 'erasure', 'account_deletion', 'rectification', 'restriction', 'objection'],
    ...extra,
    connector: { type: 'webhook', url: system.url, secret: system.secret },
  };
}

/** Writes a systems file and returns the server env that uses it, with delivery fast enough for tests. */
export function systemsEnv(systems: readonly DataSystem[], extra: Record<string, string> = {}): Record<string, string> {
  const file = join(tmpdir(), `tpc-systems-${randomBytes(6).toString('hex')}.json`);
  writeFileSync(file, JSON.stringify({ systems }, null, 2));
  return {
    SYSTEMS_FILE: file,
    JOB_POLL_MS: '50',
    JOB_RETRY_BASE_MS: '100',
    JOB_RETRY_MAX_MS: '400',
    JOB_TIMEOUT_MS: '1000',
    JOB_LEASE_MS: '5000',
    ...extra,
  };
}

/** Waits until `check` returns a value (not undefined/false), polling; fails with `what` after `ms`. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  ms = 20_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
