import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Webhook } from 'standardwebhooks';
import type { DataSystem, JobBody } from '../../shared/contract/systems.ts';
import type { Database } from '../db/database.ts';
import type { Mailer } from '../mail/mailer.ts';
import { callbackToken, type Fulfilment } from '../services/fulfilment.ts';
import { claimDueJobs, markAttemptFailed, markDelivered, type JobRow } from '../store/jobs.ts';

export interface WorkerDeps {
  db: Database;
  mailer: Mailer;
  fulfilment: Fulfilment;
  /** Read at each send: the server's public URL is known only once it listens. */
  config: { publicUrl: string | undefined };
}

export interface Worker {
  /** Looks for due jobs now (a commit just made some). */
  wake(): void;
  /** Stops claiming and waits for the attempts in flight. */
  stop(): Promise<void>;
  /** This worker's name in `leased_by`. */
  readonly id: string;
}

/** The delay before attempt `attempts + 1`: doubling from `base`, capped, with "equal jitter" so retries spread out. */
export function retryDelay(attempts: number, base: number, max: number, random = Math.random): number {
  const full = Math.min(max, base * 2 ** Math.min(Math.max(attempts - 1, 0), 40));
  return Math.round(full / 2 + (random() * full) / 2);
}

/** The signed job a webhook system receives (shared/contract/systems.ts `JobBody`). */
export function jobBody(job: JobRow, baseUrl: string, token: string): JobBody {
  return {
    event: job.event as JobBody['event'],
    job: {
      id: job.id,
      requestId: job.request_id,
      type: job.type as JobBody['job']['type'],
      system: job.system_id,
      createdAt: new Date(job.created_at).toISOString(),
    },
    subject: job.subject as JobBody['subject'],
    input: job.input,
    callback: { url: `${baseUrl}/v1/systems/jobs/${job.id}/result`, token },
  };
}

const describe = (error: unknown, timeoutMs: number): string => {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const cause = e.cause?.code ?? e.cause?.message;
  return `network error: ${e.message ?? String(error)}${cause ? ` (${cause})` : ''}`;
};

/** The start of a response's body: a system answering megabytes is not read beyond what the reason shows. */
async function firstBytes(response: Response, max: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < max) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } catch {
    // A body cut short still gives what came before it.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, max);
}

async function sendWebhook(system: DataSystem, body: JobBody, timeoutMs: number): Promise<string | null> {
  if (system.connector.type !== 'webhook') return 'not a webhook system';
  const payload = JSON.stringify(body);
  const at = new Date();
  // The job id is the message id on every attempt, so a system can drop a delivery it already took.
  const signature = new Webhook(system.connector.secret).sign(body.job.id, at, payload);
  try {
    const response = await fetch(system.connector.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': body.job.id,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body: payload,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
    if (response.status >= 200 && response.status < 300) {
      await response.body?.cancel().catch(() => undefined);
      return null;
    }
    const text = await firstBytes(response, 200);
    return `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`;
  } catch (error) {
    return describe(error, timeoutMs);
  }
}

async function sendEmail(mailer: Mailer, system: DataSystem, body: JobBody, baseUrl: string): Promise<string | null> {
  if (system.connector.type !== 'email') return 'not an e-mail system';
  const link = `${baseUrl}/v1/systems/jobs/${body.job.id}/confirm?token=${encodeURIComponent(body.callback.token)}`;
  const who = [body.subject.email, body.subject.hostSubject && `user id ${body.subject.hostSubject}`]
    .filter(Boolean)
    .join(', ');
  // A test from the console asks nothing of the processor but the click that shows the address is read.
  const test = body.event === 'request.test';
  const lines = test
    ? [
        `This is a test from the Twikit privacy console: it checks that data-protection requests reach ${system.name} at this address.`,
        'Nothing is asked of you about any person. Please confirm you received it with this one-time link:',
        link,
      ]
    : [
        `Twikit asks ${system.name}, as its processor, to act on a data-protection request (GDPR Art. 19, 28(3)(e)).`,
        '',
        `Request: ${body.job.type}${body.job.requestId ? ` (${body.job.requestId})` : ''}`,
        `Person: ${who || '(identified by the request id)'}; region ${body.subject.region}`,
        `Details: ${JSON.stringify(body.input)}`,
        '',
        'Once done, confirm it with this one-time link (it asks for one click):',
        link,
      ];
  try {
    await mailer.send({
      to: system.connector.to,
      subject: test
        ? `Test of the data-protection requests for ${system.name}`
        : `Data-protection request for ${system.name}: ${body.job.type}`,
      text: lines.join('\n'),
    });
    return null;
  } catch (error) {
    return `mail not sent: ${(error as Error).message}`;
  }
}

/**
 * Delivers due jobs from the outbox. Each round claims a batch under a lease (store/jobs.ts `claimDueJobs`),
 * sends outside any transaction (PGlite's one connection stays free), then records the outcome only if the
 * lease is still this worker's. A failed attempt is retried with backoff until the job's `give_up_at`.
 */
export function startWorker(deps: WorkerDeps, log: (message: string) => void = (m) => console.error(m)): Worker {
  const id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const { delivery } = deps.fulfilment;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  async function attempt(job: JobRow): Promise<void> {
    const base = deps.config.publicUrl ?? '';
    const system = deps.fulfilment.systems.find((s) => s.id === job.system_id);
    const token = callbackToken(deps.fulfilment.tokenKey, job.id, job.token_nonce);
    const body = jobBody(job, base, token);
    const failure = !system
      ? `system "${job.system_id}" is no longer in SYSTEMS_FILE`
      : system.connector.type === 'email'
        ? await sendEmail(deps.mailer, system, body, base)
        : await sendWebhook(system, body, delivery.timeoutMs);
    const now = new Date();
    if (failure === null) return markDelivered(deps.db, job.id, id, job.attempts, now);
    const giveUp = new Date(job.give_up_at).getTime();
    const next = now.getTime() + retryDelay(job.attempts, delivery.retryBaseMs, delivery.retryMaxMs);
    const retryAt = now.getTime() >= giveUp ? null : new Date(Math.min(next, giveUp));
    await markAttemptFailed(deps.db, job.id, id, job.attempts, `attempt ${job.attempts}: ${failure}`, retryAt, now);
  }

  async function round(): Promise<number> {
    const now = new Date();
    const jobs = await claimDueJobs(deps.db, id, now, new Date(now.getTime() + delivery.leaseMs), delivery.batch);
    await Promise.all(
      jobs.map((job) => attempt(job).catch((error: unknown) => log(`[jobs] ${job.id}: ${(error as Error).message}`))),
    );
    return jobs.length;
  }

  function schedule(ms: number): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, ms);
    timer.unref();
  }

  function tick(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      while (!stopped && (await round()) === delivery.batch) {}
    })()
      .catch((error: unknown) => log(`[jobs] round failed: ${(error as Error).message}`))
      .finally(() => {
        running = undefined;
        const soon = again;
        again = false;
        schedule(soon ? 0 : delivery.pollMs);
      });
  }

  schedule(0);
  return {
    id,
    wake: () => (running ? void (again = true) : schedule(0)),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
