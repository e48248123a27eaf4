import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { Webhook } from 'standardwebhooks';
import { JobBody, type JobResult } from '../../shared/contract/systems.ts';
import { runJob } from './jobs.ts';
import type { TwikfitStore } from './store.ts';

// TwikFit's side of the webhook connector, as docs/connectors.md tells a product team to build it: verify the
// Standard Webhooks signature with the library, answer 2xx at once, do the work afterwards, post the result to
// the job's callback with its bearer token. A job delivered again (same `webhook-id`) is not run twice: the answer
// it already had is posted again, in case the first post was lost.

export interface JobsEndpointOptions {
  /** The `whsec_` secret of TwikFit's entry in the systems file. */
  secret: string;
  store: TwikfitStore;
  /** Largest job body accepted (bytes); default 256 KiB. */
  maxBodyBytes?: number;
  /** Waits between callback attempts (ms); default 1 s, 5 s, 30 s. */
  retryDelaysMs?: readonly number[];
  log?: (message: string) => void;
}

export interface JobsEndpoint {
  /** Handles `POST /privacy/jobs`. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Resolves when every accepted job has been run and its result posted (or given up). */
  idle(): Promise<void>;
  /** Stops retrying callbacks; jobs not answered yet are answered when the rights API sends them again. */
  close(): Promise<void>;
}

/** The body as text, or undefined past `max` bytes (the rest is drained unread, so the 413 reaches the sender). */
function readBody(req: IncomingMessage, max: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) return void chunks.push(chunk);
      req.off('data', onData);
      req.resume();
      resolve(undefined);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const reply = (res: ServerResponse, status: number, body: object, extra: Record<string, string> = {}) => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...extra,
  });
  res.end(text);
};

/** The webhook endpoint of the demo's TwikFit system. */
export function createJobsEndpoint(options: JobsEndpointOptions): JobsEndpoint {
  const webhook = new Webhook(options.secret);
  const max = options.maxBodyBytes ?? 256 * 1024;
  const delays = options.retryDelaysMs ?? [1_000, 5_000, 30_000];
  const log = options.log ?? ((message: string) => console.warn(`twikfit system: ${message}`));
  const stop = new AbortController();
  const running = new Set<Promise<void>>();
  const inFlight = new Set<string>();

  async function postResult(body: JobBody, result: JobResult): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      let problem: string;
      try {
        const response = await fetch(body.callback.url, {
          method: 'POST',
          headers: { authorization: `Bearer ${body.callback.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(result),
          signal: stop.signal,
        });
        await response.body?.cancel();
        // 4xx other than 429: the API refuses this result for good (a late or foreign job); retrying changes nothing.
        if (response.ok || (response.status < 500 && response.status !== 429)) {
          if (!response.ok) log(`the callback of job ${body.job.id} refused its result: HTTP ${response.status}`);
          return;
        }
        problem = `HTTP ${response.status}`;
      } catch (error) {
        if (stop.signal.aborted) return;
        problem = (error as Error).message;
      }
      const delay = delays[attempt];
      if (delay === undefined) return log(`gave up posting the result of job ${body.job.id}: ${problem}`);
      await sleep(delay, undefined, { signal: stop.signal }).catch(() => undefined);
      if (stop.signal.aborted) return;
    }
  }

  async function work(deliveryId: string, body: JobBody): Promise<void> {
    if (inFlight.has(deliveryId)) return;
    inFlight.add(deliveryId);
    try {
      const result = await options.store.update((state) => (state.answered[deliveryId] ??= runJob(state, body)));
      await postResult(body, result);
    } catch (error) {
      log(`job ${body.job.id} failed: ${(error as Error).message}`);
    } finally {
      inFlight.delete(deliveryId);
    }
  }

  return {
    async handle(req, res) {
      const raw = Number(req.headers['content-length'] ?? 0) > max ? undefined : await readBody(req, max);
      if (raw === undefined) return reply(res, 413, { error: 'job body too large' }, { connection: 'close' });
      try {
        // Checks the HMAC over id, timestamp and body, and refuses timestamps more than 5 minutes off.
        webhook.verify(raw, req.headers as Record<string, string>);
      } catch {
        return reply(res, 401, { error: 'signature not valid' });
      }
      let parsed: ReturnType<typeof JobBody.safeParse>;
      try {
        parsed = JobBody.safeParse(JSON.parse(raw));
      } catch {
        return reply(res, 400, { error: 'body is not JSON' });
      }
      if (!parsed.success) return reply(res, 400, { error: 'body is not a job' });
      reply(res, 202, { accepted: true });
      const task = work(String(req.headers['webhook-id']), parsed.data);
      running.add(task);
      void task.finally(() => running.delete(task));
    },
    async idle() {
      while (running.size > 0) await Promise.all(running);
    },
    async close() {
      stop.abort();
      await this.idle();
    },
  };
}
