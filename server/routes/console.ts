import type { Hono } from 'hono';
import { endpoints } from '../../shared/contract/endpoints.ts';
import type { Deps } from '../deps.ts';
import { bind, type Gate } from '../http/bind.ts';
import {
  endConsoleSession,
  meOf,
  requireStepUp,
  startConsoleSignIn,
  startStepUp,
  verifyConsoleSignIn,
  verifyStepUp,
} from '../identity/operators.ts';
import type { SignInOptions } from '../identity/sign-in-codes.ts';
import { audit, auditCsv, auditPage } from '../services/audit.ts';
import { createKey, listKeys, revokeKey } from '../services/operator-keys.ts';

const noStore = { 'cache-control': 'no-store' };
const SPELL_MS = 60 * 60_000;

/** The console's own routes: sign-in by code, step-up, the audit log and API keys (issue 15). */
export function registerConsole(app: Hono, gate: Gate, deps: Deps): void {
  const code = deps.config.signInCode;
  const slowdown = { baseSeconds: code.slowdownBaseSeconds, maxSeconds: code.slowdownMaxSeconds, resetMs: SPELL_MS };
  const options: SignInOptions = {
    pepper: deps.codePepper,
    ttlMinutes: code.ttlMinutes,
    attempts: code.attempts,
    sessionTtlDays: 0,
    guesses: { ...slowdown, free: code.attempts },
    sends: { ...slowdown, free: code.codesPerAddress },
  };
  const idle = deps.config.console.idleMinutes;

  bind(app, gate, endpoints.consoleStart, async ({ body }) => ({
    status: 202,
    body: await startConsoleSignIn(deps.db, deps.mailer, body.email, options, deps.now()),
    headers: noStore,
  }));

  bind(app, gate, endpoints.consoleVerify, async ({ body }) => {
    const now = deps.now();
    const { token, principal } = await verifyConsoleSignIn(
      deps.db,
      body.email,
      body.code,
      options,
      deps.config.console,
      now,
    );
    await audit(deps.db, principal, { action: 'console.sign-in' }, now);
    return { status: 200, body: { token, me: meOf(principal, idle) }, headers: noStore };
  });

  bind(app, gate, endpoints.consoleMe, async ({ operator }) => ({
    status: 200,
    body: meOf(operator, idle),
    headers: noStore,
  }));

  bind(app, gate, endpoints.consoleSignOut, async ({ operator }) => {
    await endConsoleSession(deps.db, operator);
    await audit(deps.db, operator, { action: 'console.sign-out' }, deps.now());
    return { status: 204 };
  });

  bind(app, gate, endpoints.consoleStepUpStart, async ({ operator }) => ({
    status: 202,
    body: await startStepUp(deps.db, deps.mailer, operator, options, deps.now()),
    headers: noStore,
  }));

  bind(app, gate, endpoints.consoleStepUp, async ({ operator, body }) => {
    const now = deps.now();
    const result = await verifyStepUp(deps.db, operator, body.code, options, now);
    await audit(deps.db, operator, { action: 'console.step-up' }, now);
    return { status: 200, body: result, headers: noStore };
  });

  bind(app, gate, endpoints.consoleAudit, async ({ operator, query }) => {
    const page = await auditPage(deps.db, query);
    // Reading the log is itself on the log: who looked at whose accesses.
    await audit(
      deps.db,
      operator,
      { action: 'audit.read', detail: { query, entries: page.entries.length } },
      deps.now(),
    );
    if (query.format === 'csv') {
      return new Response(auditCsv(page.entries), {
        status: 200,
        headers: {
          ...noStore,
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': 'attachment; filename="twikit-privacy-audit.csv"',
        },
      });
    }
    return { status: 200, body: page, headers: noStore };
  });

  bind(app, gate, endpoints.consoleKeys, async () => ({
    status: 200,
    body: { keys: await listKeys(deps.db) },
    headers: noStore,
  }));

  bind(app, gate, endpoints.consoleCreateKey, async ({ operator, body }) => {
    const now = deps.now();
    requireStepUp(operator, 'Creating an API key', now);
    const key = await deps.db.transaction(async (tx) => {
      const created = await createKey(tx, body, operator.name, now);
      await audit(
        tx,
        operator,
        { action: 'key.create', detail: { keyId: created.id, name: created.name, roles: created.roles } },
        now,
      );
      return created;
    });
    return { status: 201, body: key, headers: noStore };
  });

  bind(app, gate, endpoints.consoleRevokeKey, async ({ operator, params }) => {
    const now = deps.now();
    await deps.db.transaction(async (tx) => {
      const key = await revokeKey(tx, params.id, now);
      await audit(tx, operator, { action: 'key.revoke', detail: { keyId: key.id, name: key.name } }, now);
    });
    return { status: 204 };
  });
}
