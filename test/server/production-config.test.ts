import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { ConfigError, loadConfig } from '../../server/config.ts';
import {
  client,
  DB_KIND,
  hostToken,
  newKey,
  PG_ADMIN_URL,
  productionSecrets,
  startTestServer,
  type TestServer,
} from './harness.ts';

// Issue 18, point 7: production was `NODE_ENV === 'production'`, so with NODE_ENV unset, "Production" or
// "staging" the server ran on the repository's public secrets with an open /dev/outbox. Development is now
// an explicit opt-in; anything else must name what it lacks and refuse to start.
const DEV_HOST_TOKEN_SECRET = 'dev-host-token-secret-change-me-0123456789'; // server/config.ts: public, in the repository
const PRODUCTION = productionSecrets();
// Only what a deployment would really set: the database and nothing from development.
const BASE = { DATABASE_URL: 'postgres://db.internal/privacy', PORT: '0' };

describe('production is the default', () => {
  for (const nodeEnv of [undefined, 'production', 'Production', 'staging', 'dev']) {
    it(`NODE_ENV ${nodeEnv === undefined ? 'unset' : `"${nodeEnv}"`} is production: no default secrets, every missing variable named`, () => {
      const env = { ...BASE, ...(nodeEnv === undefined ? {} : { NODE_ENV: nodeEnv }) };
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(
        /ADMIN_TOKEN.*HOST_TOKEN_SECRET or HOST_JWKS_URL.*HOST_TOKEN_AUDIENCE.*SMTP_URL/,
      );
    });
  }

  it('each production variable is required on its own', () => {
    for (const name of Object.keys(PRODUCTION)) {
      const { [name]: _left, ...rest } = PRODUCTION as Record<string, string>;
      expect(() => loadConfig({ ...BASE, ...rest }), name).toThrow(new RegExp(`production needs ${name}`));
    }
    const config = loadConfig({ ...BASE, ...PRODUCTION });
    expect(config).toMatchObject({
      production: true,
      devOutbox: false,
      adminToken: PRODUCTION.ADMIN_TOKEN,
      allowedOrigins: [],
    });
    expect(config.hostToken).toMatchObject({ secret: PRODUCTION.HOST_TOKEN_SECRET, audience: 'twikit-privacy' });
  });

  it('only NODE_ENV=development gets the development defaults', () => {
    const config = loadConfig({ NODE_ENV: 'development' });
    expect(config).toMatchObject({ production: false, devOutbox: true, adminToken: 'dev-admin-token' });
    expect(config.hostToken.secret).toBe(DEV_HOST_TOKEN_SECRET);
  });

  it('the server process refuses to start in production without its secrets, and says which', () => {
    const {
      ADMIN_TOKEN: _a,
      HOST_TOKEN_SECRET: _h,
      HOST_JWKS_URL: _j,
      HOST_TOKEN_AUDIENCE: _u,
      SMTP_URL: _s,
      NODE_ENV: _n,
      ...inherited
    } = process.env;
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...inherited, NODE_ENV: 'staging', DATA_DIR: ':memory:', PORT: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^Configuration error: production needs ADMIN_TOKEN \(24\+ characters\), HOST_TOKEN_SECRET or HOST_JWKS_URL, HOST_TOKEN_AUDIENCE .*, SMTP_URL .*NODE_ENV is "staging"/m,
    );
    expect(run.stdout).not.toMatch(/listening/);
  });

  it('DATABASE_POOL_SIZE is read, and must be at least 1', () => {
    expect(loadConfig({ NODE_ENV: 'development', DATABASE_POOL_SIZE: '3' }).databasePoolSize).toBe(3);
    expect(loadConfig({ NODE_ENV: 'development' }).databasePoolSize).toBe(10);
    expect(() => loadConfig({ NODE_ENV: 'development', DATABASE_POOL_SIZE: '0' })).toThrow(
      /DATABASE_POOL_SIZE must be at least 1/,
    );
  });
});

describe(`a production server over HTTP (${DB_KIND})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ NODE_ENV: '', ...PRODUCTION });
  });
  afterAll(async () => server?.stop());

  it('has no /dev/outbox, and the development admin token and host-token key open nothing', async () => {
    const api = client(server.url);
    expect((await api.get('/dev/outbox')).status).toBe(404);
    expect((await api.get('/v1/admin/requests', { token: 'dev-admin-token' })).status).toBe(401);
    const forged = await hostToken(`forged-${newKey()}`, { secret: DEV_HOST_TOKEN_SECRET, audience: 'twikit-privacy' });
    expect((await api.get('/v1/me', { token: forged })).body.detail).toMatch(/signature/);
  });

  it('R70: requires "aud" on host tokens', async () => {
    const api = client(server.url);
    const withoutAud = await hostToken(`aud-${newKey()}`, { secret: PRODUCTION.HOST_TOKEN_SECRET });
    expect((await api.get('/v1/me', { token: withoutAud })).body.detail).toMatch(/"aud" claim is missing/);
    const withAud = await hostToken(`aud-${newKey()}`, {
      secret: PRODUCTION.HOST_TOKEN_SECRET,
      audience: 'twikit-privacy',
    });
    expect((await api.get('/v1/me', { token: withAud })).status).toBe(200);
  });
});

// The pool is PostgreSQL's: this part runs against PostgreSQL in both server projects.
describe('the PostgreSQL pool size', () => {
  const name = `tpc_pool_${randomBytes(6).toString('hex')}`;
  const admin = () => new pg.Client({ connectionString: PG_ADMIN_URL });
  let server: TestServer;
  beforeAll(async () => {
    const c = admin();
    await c.connect();
    await c.query(`create database ${name}`);
    await c.end();
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    server = await startTestServer(
      { DATABASE_URL: url.toString(), DATA_DIR: '', DATABASE_POOL_SIZE: '2' },
      { env: {}, dispose: async () => undefined },
    );
  });
  afterAll(async () => {
    await server?.stop();
    const c = admin();
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  });

  it('DATABASE_POOL_SIZE=2: under 40 concurrent calls the server never holds more than 2 connections', async () => {
    const api = client(server.url);
    const tokens = await Promise.all(Array.from({ length: 8 }, () => hostToken(`pool-${newKey()}`)));
    const watcher = admin();
    await watcher.connect();
    let most = 0;
    let running = true;
    const watch = (async () => {
      while (running) {
        const { rows } = await watcher.query<{ n: number }>(
          'select count(*)::int as n from pg_stat_activity where datname = $1',
          [name],
        );
        most = Math.max(most, rows[0]!.n);
      }
    })();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => api.get('/v1/consents', { token: tokens[i % tokens.length]! })),
    );
    running = false;
    await watch;
    await watcher.end();
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(2);
  });
});
