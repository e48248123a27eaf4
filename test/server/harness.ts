import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import pg from 'pg';
import type { NoticeDocument } from '../../shared/contract/notice.ts';
import { loadConfig, type Config } from '../../server/config.ts';
import { createOutboxMailer } from '../../server/mail/mailer.ts';
import { startServer, type RunningServer } from '../../server/start.ts';
import { createKey } from '../../server/services/operator-keys.ts';
import { checkConsentResponse } from './record-schema.ts';
import type { OperatorRole } from '../../shared/registry/operator-roles.ts';

/** Which database this project runs against: set per vitest project (`server-pglite` / `server-postgres`). */
export const DB_KIND = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const HOST_SECRET = 'test-host-token-secret-0123456789abcdef';
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

/** A fresh, empty database location: a PGlite folder or a new PostgreSQL database. Drop it with `dispose`. */
export interface TestDatabase {
  env: Record<string, string>;
  dispose(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (DB_KIND === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'tpc-pglite-'));
    return { env: { DATA_DIR: dir }, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `tpc_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    async dispose() {
      const client = new pg.Client({ connectionString: PG_ADMIN_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** A controllable server clock. */
export interface Clock {
  now: () => Date;
  set(iso: string): void;
  advance(ms: number): void;
}

export function createClock(start = '2026-03-10T10:00:00.000Z'): Clock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (iso) => void (current = new Date(iso).getTime()),
    advance: (ms) => void (current += ms),
  };
}

export interface TestServer extends RunningServer {
  config: Config;
  clock: Clock;
  database: TestDatabase;
  /** Stops the server and drops its database. */
  stop(): Promise<void>;
}

/** A real reference server on a free port over a fresh database, with test secrets and generous limits. */
export async function startTestServer(
  env: Record<string, string> = {},
  database?: TestDatabase,
  clock = createClock(),
  /** What the server publishes instead of the default notice (a notice version with other purposes, say). */
  more: { notices?: readonly NoticeDocument[] } = {},
): Promise<TestServer> {
  const db = database ?? (await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'development', // the development defaults (outbox, CORS for the demo); production is tested on its own
    PORT: '0',
    HOST_TOKEN_SECRET: HOST_SECRET,
    ADMIN_TOKEN,
    ALLOWED_ORIGINS: 'https://shop.example',
    RATE_LIMIT_PER_MINUTE: '100000',
    SIGN_IN_LIMIT_PER_15_MIN: '100000',
    DEVICE_LIMIT_PER_IP_PER_15_MIN: '100000',
    DEVICE_LIMIT_PER_MINUTE: '100000',
    AUTH_FAILURE_LIMIT_PER_15_MIN: '100000',
    ADMIN_AUTH_FAILURE_LIMIT_PER_15_MIN: '100000',
    ...db.env,
    ...env,
  } as NodeJS.ProcessEnv);
  // A silent outbox: tests read codes from it instead of the console (unless a test brings an SMTP server).
  const server = await startServer(config, {
    now: clock.now,
    ...(config.smtpUrl ? {} : { mailer: createOutboxMailer(() => undefined) }),
    ...(more.notices ? { notices: more.notices } : {}),
  });
  return {
    ...server,
    config,
    clock,
    database: db,
    async stop() {
      await server.close();
      if (!database) await db.dispose();
    },
  };
}

export interface HostTokenOptions {
  expiresIn?: string | number;
  secret?: string;
  email?: string;
  /** The host vouches for `email` (`email_verified: true`); without it the claim is ignored. */
  emailVerified?: boolean;
  noExp?: boolean;
  /** `iat` in seconds since the epoch (default: now); `null` leaves it out. */
  iat?: number | null;
  audience?: string;
  /** Extra claims, written as they are. */
  claims?: Record<string, unknown>;
}

/** A host-app token as a Twikit app's backend would mint it. */
export async function hostToken(sub: string, options: HostTokenOptions = {}): Promise<string> {
  const claims = {
    ...(options.email ? { email: options.email } : {}),
    ...(options.emailVerified !== undefined ? { email_verified: options.emailVerified } : {}),
    ...options.claims,
  };
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject(sub);
  if (options.iat !== null) jwt = jwt.setIssuedAt(options.iat);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  if (!options.noExp) jwt = jwt.setExpirationTime(options.expiresIn ?? '10m');
  return jwt.sign(new TextEncoder().encode(options.secret ?? HOST_SECRET));
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** A thin client over real HTTP: JSON in, parsed JSON (or text) out. */
export function client(baseUrl: string) {
  async function call<T = any>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(baseUrl + path, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await response.text();
    let parsed: unknown = text;
    if (/json/.test(response.headers.get('content-type') ?? '') && text) parsed = JSON.parse(text);
    // R36: every consent record and receipt a test receives is valid under the committed JSON Schema.
    checkConsentResponse(method, path, response.status, parsed);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }
  return {
    call,
    get: <T = any>(path: string, options?: Parameters<typeof call>[2]) => call<T>('GET', path, options),
    post: <T = any>(path: string, body: unknown, options?: Parameters<typeof call>[2]) =>
      call<T>('POST', path, { ...options, body }),
    delete: <T = any>(path: string, options?: Parameters<typeof call>[2]) => call<T>('DELETE', path, options),
  };
}

export type Client = ReturnType<typeof client>;

/** Signs in by e-mail code the way a person would: ask for a code, read it from the outbox, send it back. */
export async function signInByEmail(server: TestServer, email: string): Promise<string> {
  const api = client(server.url);
  const start = await api.post('/v1/auth/email/start', { email });
  if (start.status !== 202) throw new Error(`start failed: ${start.status} ${start.text}`);
  const code = latestCode(server, email);
  const verify = await api.post('/v1/auth/email/verify', { email, code });
  if (verify.status !== 200) throw new Error(`verify failed: ${verify.status} ${verify.text}`);
  return verify.body.token as string;
}

/** The code in the newest e-mail to `email` in the development outbox. */
export function latestCode(server: TestServer, email: string): string {
  const mail = [...(server.deps.mailer.outbox ?? [])].reverse().find((m) => m.to === email.toLowerCase());
  const code = mail && /\b(\d{6})\b/.exec(mail.text)?.[1];
  if (!code) throw new Error(`no code mailed to ${email}`);
  return code;
}

/** A valid body for each request type, for tests that need "a request". */
export const requestBodies = {
  access: { type: 'access', locale: 'en', surface: { kind: 'widget', app: 'twikfit' } },
  portability: { type: 'portability', format: 'json', locale: 'en', surface: { kind: 'extension' } },
  rectification: {
    type: 'rectification',
    field: 'name',
    correction: 'Jan Janssens',
    locale: 'nl',
    surface: { kind: 'api' },
  },
  erasure: { type: 'erasure', scope: 'all', confirmed: true, locale: 'en', surface: { kind: 'api' } },
  restriction: { type: 'restriction', ground: 'accuracy-contested', locale: 'fr', surface: { kind: 'api' } },
  objection: { type: 'objection', scope: 'direct-marketing', locale: 'de', surface: { kind: 'api' } },
  account_deletion: { type: 'account_deletion', confirmed: true, locale: 'en', surface: { kind: 'extension' } },
} as const;

export const newKey = (): string => randomBytes(12).toString('hex');

/** A fresh P-256 private key in PEM, as a deployment keeps its receipt-signing key (RECEIPT_SIGNING_KEY, R34). */
export const signingKeyPem = (): string =>
  generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;

/** Every secret production requires, none of them development's defaults: a deployment's minimum. */
export function productionSecrets(): Record<string, string> {
  return {
    ADMIN_TOKEN: 'prod-admin-token-0123456789abcdef',
    HOST_TOKEN_SECRET: 'prod-host-token-secret-0123456789abcdef',
    HOST_TOKEN_AUDIENCE: 'twikit-privacy',
    SMTP_URL: 'smtp://127.0.0.1:1', // never dialled: no code is asked for
    LEDGER_CHECKPOINT_KEY: 'prod-ledger-checkpoint-key-0123456789abcdef',
    RECEIPT_SIGNING_KEY: signingKeyPem(),
  };
}

/** A named API key with `roles`, as a DPO would create it in the console (its secret, shown once). */
export async function apiKey(server: TestServer, name: string, roles: OperatorRole[]): Promise<string> {
  return (await createKey(server.deps.db, { name, roles }, 'test-harness', server.clock.now())).token;
}

/** Signs an operator (named in the server's OPERATORS) in to the console by e-mail code: the session token. */
export async function signInOperator(server: TestServer, email: string): Promise<string> {
  const api = client(server.url);
  const start = await api.post('/v1/console/auth/start', { email });
  if (start.status !== 202) throw new Error(`console start failed: ${start.status} ${start.text}`);
  const verify = await api.post('/v1/console/auth/verify', { email, code: latestCode(server, email) });
  if (verify.status !== 200) throw new Error(`console verify failed: ${verify.status} ${verify.text}`);
  return verify.body.token as string;
}

/** Confirms a destructive action with a fresh code, as the console's step-up dialog does. */
export async function stepUp(server: TestServer, token: string, email: string): Promise<void> {
  const api = client(server.url);
  const start = await api.post('/v1/console/auth/step-up/start', undefined, { token });
  if (start.status !== 202) throw new Error(`step-up start failed: ${start.status} ${start.text}`);
  const done = await api.post('/v1/console/auth/step-up', { code: latestCode(server, email) }, { token });
  if (done.status !== 200) throw new Error(`step-up failed: ${done.status} ${done.text}`);
}
