import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSystem, JobBody, JobResult } from '../../shared/contract/systems.ts';
import type { Mode, Person, Rule, SystemConfig, SystemState } from './system-process.ts';

export type { Mode, Person, Rule } from './system-process.ts';

/** A fresh Standard Webhooks secret. */
export const newSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

/** What the test's hand on a held job posts to its callback (see system-process.ts `/answer`). */
export interface AnswerOptions {
  /** Another job's callback token (a callback for another job). */
  tokenOf?: string;
  /** A token of the test's own, or `null` for none at all. */
  token?: string | null;
  /** Text posted as it is (not JSON, say). */
  raw?: string;
  /** A well-formed result this many MB large. */
  megabytes?: number;
}

/**
 * A data system in its own OS process (test/server/system-process.ts), reached over HTTP: the server sends it
 * signed jobs, the test reads its state and steers it through a control port.
 */
export interface SystemProcess {
  id: string;
  /** Its jobs endpoint, for the systems file. */
  url: string;
  /** The secret the server signs its jobs with. */
  secret: string;
  state(): Promise<SystemState>;
  /** Verified deliveries of `requestId`'s jobs (every delivery, so a redelivery shows twice). */
  jobsOf(requestId: string): Promise<JobBody[]>;
  /** Every verified delivery. */
  received(): Promise<JobBody[]>;
  deliveries(jobId: string): Promise<number>;
  mode(mode: Mode, delayMs?: number): Promise<void>;
  /** What to do per job type (or `*`); types not named run on the system's own data. */
  rules(rules: Record<string, Rule>): Promise<void>;
  /** Gives the system data about a person (by e-mail). */
  seed(email: string, data: Person): Promise<void>;
  /** What the system holds about a person now. */
  person(email: string): Promise<Person | undefined>;
  /** Makes the system post to a job's callback; answers the server's status and body, or the socket's error. */
  answer(
    jobId: string,
    result?: JobResult | Record<string, unknown> | null,
    options?: AnswerOptions,
  ): Promise<{ status: number; body: { detail?: string } & Record<string, unknown> } | { error: string }>;
  /** `kill -9`: the system is down (connections refused) until `start`. */
  kill(): Promise<void>;
  /** Starts it again, on the same ports, with the store it had. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export interface SystemOptions {
  rules?: Record<string, Rule>;
  /** The system verifies with this secret instead of the one the server signs with. */
  verifyWith?: string;
  keeps?: SystemConfig['keeps'];
  purposeCategories?: SystemConfig['purposeCategories'];
}

async function spawnSystem(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; jobs: number; control: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/server/system-process.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /jobs on (\d+) control on (\d+)/.exec(output);
      if (match) resolve({ child, jobs: Number(match[1]), control: Number(match[2]) });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`system exited with ${code ?? signal}:\n${output}`)));
  });
}

/** Starts a system process; start several with `Promise.all`, they boot in parallel. */
export async function startSystemProcess(id: string, options: SystemOptions = {}): Promise<SystemProcess> {
  const secret = newSecret();
  const dir = mkdtempSync(join(tmpdir(), `tpc-system-${id}-`));
  const config: SystemConfig = {
    id,
    secret: options.verifyWith ?? secret,
    stateFile: join(dir, 'state.json'),
    keeps: options.keeps ?? [],
    purposeCategories: options.purposeCategories ?? {},
  };
  const env: Record<string, string> = { SYSTEM_CONFIG: JSON.stringify(config) };
  let running = await spawnSystem(env);
  env.SYSTEM_JOBS_PORT = String(running.jobs);
  env.SYSTEM_CONTROL_PORT = String(running.control);

  const control = async <T>(path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`http://127.0.0.1:${running.control}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    if (!res.ok) throw new Error(`system ${id} control ${path}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const stop = async () => {
    const { child } = running;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  };
  const system: SystemProcess = {
    id,
    url: `http://127.0.0.1:${running.jobs}/privacy/jobs`,
    secret,
    state: () => control<SystemState>('/state'),
    received: async () => (await system.state()).received,
    jobsOf: async (requestId) => (await system.received()).filter((j) => j.job.requestId === requestId),
    deliveries: async (jobId) => (await system.received()).filter((j) => j.job.id === jobId).length,
    mode: async (mode, delayMs) => void (await control('/mode', { mode, delayMs })),
    rules: async (rules) => void (await control('/rules', { rules })),
    seed: async (email, data) => void (await control('/people', { email, data })),
    person: async (email) => (await system.state()).people[email],
    answer: (jobId, result, opts = {}) => control('/answer', { job: jobId, result, ...opts }),
    kill: stop,
    async start() {
      running = await spawnSystem(env);
    },
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  if (options.rules) await system.rules(options.rules);
  return system;
}

/** The systems file entry of a system process. */
export function webhookEntry(system: SystemProcess, extra: Partial<DataSystem> = {}): DataSystem {
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
