import { defaultNoticeEn } from '../../shared/notice/default-notice.ts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { endpoints, type Endpoint, type EndpointId } from '../../shared/contract/endpoints.ts';
import type { Capability, OperatorRole } from '../../shared/registry/operator-roles.ts';
import {
  ID_VARIANTS,
  PATH_VARIANTS,
  problemShape,
  rawCall,
  scrub,
  seededRandom,
  type RawResponse,
} from './fuzz-kit.ts';
import {
  client,
  DB_KIND,
  hostToken,
  newKey,
  requestBodies,
  apiKey,
  signInByEmail,
  signInOperator,
  startTestServer,
  type Client,
  type TestServer,
} from './harness.ts';

// FUZZ_SEED replays a run; every failure message names the seed and the call.
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
// Routes that take an id are where ownership is decided, so they get more cases.
const casesFor = (id: EndpointId): number => ('params' in endpoints[id] ? 5 : 2);
const METHODS = ['GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'HEAD'] as const;

/** Someone holding records: what the server must show them, and nobody else. */
interface Person {
  label: string;
  kind: 'host' | 'email' | 'device';
  token: string;
  subjectId: string;
  email: string | null;
  /** The `sub` a host app puts in this person's tokens (host-token people only). */
  hostSub: string | null;
  consents: Set<string>;
  /** id → status and number of audit events, as the person left them. */
  requests: Map<string, { status: string; events: number }>;
  keys: string[];
}

/** A caller: a person, or someone with no records of their own (no token, a forged host token). */
interface Caller {
  label: string;
  person?: Person;
  authorization?: string;
}

type BodyEndpoint = { [K in EndpointId]: (typeof endpoints)[K] extends { body: unknown } ? K : never }[EndpointId];

/** A valid body per endpoint that takes one, so a call gets past validation to the owner check. New endpoints with a body fail to compile until they have one. */
const SAMPLE_BODIES: Record<BodyEndpoint, (version: string) => unknown> = {
  deviceSession: () => ({}),
  emailStart: () => ({ email: `fuzz-${newKey()}@example.com` }),
  emailVerify: () => ({ email: 'fuzz-nobody@example.com', code: '000000' }),
  decideConsent: (version) => ({
    purpose: 'biometric_scans',
    decision: 'grant',
    method: 'ui',
    control: 'just-in-time',
    surface: { kind: 'widget', app: 'twikfit' },
    noticeVersion: version,
    locale: 'en',
  }),
  createRequest: () => requestBodies.restriction,
  cancelRequest: () => ({ reason: 'fuzz' }),
  adminTransition: () => ({ to: 'verifying', reason: 'fuzz' }),
  // Any well-formed hash passes the schema; the fuzz never gets past the operator check to the content check.
  adminPublishNotice: () => ({
    documents: [{ ...defaultNoticeEn, version: `fuzz-${newKey()}`, contentHash: `sha256-${'A'.repeat(43)}=` }],
  }),
  consoleStart: () => ({ email: `fuzz-${newKey()}@example.com` }),
  consoleVerify: () => ({ email: 'fuzz-nobody@example.com', code: '000000' }),
  consoleStepUp: () => ({ code: '000000' }),
  consoleCreateKey: () => ({ name: `fuzz key ${newKey()}`, roles: ['operator'] }),
  systemJobResult: () => ({ status: 'done', data: { fuzz: true } }),
  adminConfirmJob: () => ({ note: 'fuzz' }),
  adminCloseRequest: () => ({ reason: 'fuzz' }),
  adminLiftRestriction: () => ({ reason: 'fuzz' }),
};
const bodyFor = (id: EndpointId, version: string): unknown =>
  id in SAMPLE_BODIES ? SAMPLE_BODIES[id as BodyEndpoint](version) : undefined;

/**
 * Who may do what, written here apart from shared/registry/operator-roles.ts so that a change there which widens a
 * role fails this test until someone agrees with it (issue 15).
 */
const ROLES_ALLOWED: Record<Capability, OperatorRole[]> = {
  console: ['operator', 'dpo', 'biometric'],
  'requests:read': ['operator', 'dpo'],
  'requests:act': ['operator', 'dpo'],
  'audit:read': ['dpo'],
  'keys:manage': ['dpo'],
  'notices:publish': ['dpo'],
  'systems:manage': ['dpo'],
  'reports:read': ['dpo'],
  'scans:see': ['biometric'],
};
const ROLE_OPERATORS = 'fuzz-desk@twikit.com:operator,fuzz-dpo@twikit.com:dpo,fuzz-scans@twikit.com:biometric';
// A session steps up with a code; keys and the development token cannot (403 forbidden by design).
const STEP_UP = new Set<EndpointId>(['consoleStepUpStart', 'consoleStepUp']);

describe(`authorization fuzz over the route table (${DB_KIND})`, () => {
  let server: TestServer;
  let api: Client;
  let version: string;
  const active: Person[] = [];
  const everyone: Person[] = [];

  async function newPerson(kind: Person['kind'], n: number): Promise<Person> {
    const base = { consents: new Set<string>(), requests: new Map(), keys: [] as string[] };
    if (kind === 'device') {
      const device = await api.post('/v1/auth/device', {});
      return {
        ...base,
        label: `device-${n}`,
        kind,
        token: device.body.token,
        subjectId: device.body.subjectId,
        email: null,
        hostSub: null,
      };
    }
    const email = `fuzz-${kind}-${n}.${newKey()}@example.com`;
    const hostSub = kind === 'host' ? `fuzz-host-${n}-${newKey()}` : null;
    const token = hostSub
      ? await hostToken(hostSub, { email, emailVerified: true })
      : await signInByEmail(server, email);
    const me = await api.get('/v1/me', { token });
    return { ...base, label: `${kind}-${n}`, kind, token, subjectId: me.body.subjectId, email: me.body.email, hostSub };
  }

  /** The person's own records: two decisions, and three requests when they may file them. */
  async function populate(person: Person): Promise<void> {
    for (const decision of ['grant', 'deny']) {
      const res = await api.post(
        '/v1/consents',
        { ...(bodyFor('decideConsent', version) as object), decision },
        { token: person.token },
      );
      person.consents.add(res.body.record.id);
    }
    if (person.kind === 'device') return;
    for (const body of [requestBodies.access, requestBodies.restriction, requestBodies.rectification]) {
      const key = newKey();
      const res = await api.post('/v1/requests', body, { token: person.token, headers: { 'idempotency-key': key } });
      person.requests.set(res.body.id, { status: res.body.status, events: res.body.events.length });
      person.keys.push(key);
    }
  }

  beforeAll(async () => {
    // As in production: no /dev/outbox. Three operators for the role matrix below.
    server = await startTestServer({ DEV_OUTBOX: '0', OPERATORS: ROLE_OPERATORS });
    api = client(server.url);
    version = (await api.get('/v1/notice')).body.notice.version;
    const kinds: Person['kind'][] = ['host', 'email', 'device', 'host', 'email', 'device', 'host', 'email'];
    for (const [n, kind] of kinds.entries()) {
      const person = await newPerson(kind, n);
      await populate(person);
      active.push(person);
      everyone.push(person);
    }
  });
  afterAll(async () => server?.stop());

  it('every endpoint with a body has a sample that passes its schema, so fuzz calls reach the owner checks', () => {
    for (const [id, endpoint] of Object.entries(endpoints)) {
      if (!('body' in endpoint)) continue;
      const sample = bodyFor(id as EndpointId, '2026-01-01');
      expect(z.safeParse(endpoint.body, sample).success, `${id}: sample body does not pass its schema`).toBe(true);
    }
  });

  it("R70: nobody reads or changes another person's records, whatever route, id, path spelling or method they try", async () => {
    const random = seededRandom(SEED);
    const violations: string[] = [];
    // A forged token names a real host user but is signed with the wrong key.
    const victimSub = active.find((p) => p.hostSub)!.hostSub!;
    const callers: Caller[] = [
      ...active.map((person) => ({ label: person.label, person })),
      { label: 'anonymous' },
      {
        label: 'forged host token',
        authorization: `Bearer ${await hostToken(victimSub, { secret: 'not-the-host-secret-0123456789abcdef' })}`,
      },
    ];
    // Every caller tries every route of the table, several times, in its own random order.
    const plans = callers.map((caller) => ({
      caller,
      cases: random.shuffle(
        (Object.keys(endpoints) as EndpointId[]).flatMap((id) => Array<EndpointId>(casesFor(id)).fill(id)),
      ),
    }));
    // Guards against a fuzz that passes vacuously (e.g. every call refused at the door with 401).
    const tally = { calls: 0, ownerChecks: 0, ownSuccesses: 0 };

    /** Everything that identifies another person's records; none of it may appear in an answer to `caller`. */
    const othersSecrets = (caller: Caller): string[] =>
      everyone
        .filter((p) => p !== caller.person)
        .flatMap((p) => [p.subjectId, p.token, ...(p.email ? [p.email] : []), ...p.consents, ...p.requests.keys()]);

    async function runCase(caller: Caller, id: EndpointId): Promise<void> {
      const endpoint = endpoints[id];
      const method = random.next() < 0.25 ? random.pick(METHODS) : endpoint.method.toUpperCase();
      const pathVariant =
        random.next() < 0.4 ? 'exact' : random.pick(Object.keys(PATH_VARIANTS) as Array<keyof typeof PATH_VARIANTS>);
      const idVariant = random.pick(Object.keys(ID_VARIANTS) as Array<keyof typeof ID_VARIANTS>);
      const othersRequests = everyone.filter((p) => p !== caller.person).flatMap((p) => [...p.requests.keys()]);
      const target = random.pick(othersRequests);
      const pathFor = (targetId: string) =>
        PATH_VARIANTS[pathVariant](endpoint.path.replace('{id}', ID_VARIANTS[idVariant](targetId)));
      const body = bodyFor(id, version) ?? (['POST', 'PUT', 'PATCH'].includes(method) ? {} : undefined);
      // Another person's Idempotency-Key with the same body must not replay their answer.
      const key =
        random.next() < 0.5 ? random.pick(everyone.flatMap((p) => (p === caller.person ? [] : p.keys))) : newKey();
      const authorization = caller.person ? `Bearer ${caller.person.token}` : caller.authorization;
      const send = (path: string) => {
        tally.calls += 1;
        const headers = {
          ...(authorization ? { authorization } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          'idempotency-key': key,
        };
        return rawCall(server.url, method, path, headers, body === undefined ? undefined : JSON.stringify(body));
      };
      const what = `seed ${SEED}: ${caller.label} ${method} ${pathFor(target)} (${id}, path ${pathVariant}${'params' in endpoint ? `, id ${idVariant}` : ''})`;
      const res = await send(pathFor(target));

      // Only an id the caller put in the path may come back (echoed in a problem); anything else of another's is a leak.
      const visible = scrub(res, 'params' in endpoint ? target : null);
      for (const secret of othersSecrets(caller))
        if (visible.toLowerCase().includes(secret.toLowerCase()))
          violations.push(`${what}: answer ${res.status} shows another person's ${secret}`);
      if ('params' in endpoint) {
        // Another person's id must answer exactly like an id that never existed, and never succeed.
        const twin = await send(pathFor(randomUUID()));
        if (res.status < 400) violations.push(`${what}: ${res.status} on another person's request`);
        if (problemShape(res).endsWith('"No request with this id."')) tally.ownerChecks += 1;
        if (res.status !== twin.status || problemShape(res) !== problemShape(twin)) {
          violations.push(
            `${what}: another person's id answers ${res.status} ${problemShape(res)}, an unknown id ${twin.status} ${problemShape(twin)}`,
          );
        }
        return;
      }
      if (res.status >= 300 || method !== endpoint.method.toUpperCase()) return;
      if (!caller.person) {
        if (endpoint.auth !== 'none') violations.push(`${what}: ${res.status} without a valid identity`);
        return;
      }
      if (endpoint.auth !== 'none') tally.ownSuccesses += 1;
      await account(caller.person, id, res, what, violations);
    }

    /** Books a successful call on the caller's own scope into what they are expected to hold afterwards. */
    async function account(
      person: Person,
      id: EndpointId,
      res: RawResponse,
      what: string,
      out: string[],
    ): Promise<void> {
      const body = res.text ? JSON.parse(res.text) : undefined;
      if (id === 'decideConsent') {
        if (body.record.subjectId !== person.subjectId)
          out.push(`${what}: the decision was recorded for ${body.record.subjectId}`);
        person.consents.add(body.record.id);
      } else if (id === 'createRequest') {
        if (res.status === 201) person.requests.set(body.id, { status: body.status, events: body.events.length });
        else if (!person.requests.has(body.id))
          out.push(`${what}: replayed request ${body.id}, which is not the caller's`);
      } else if (id === 'signOut') {
        // The caller ended their own session: sign in again (a device cannot, so it becomes a new visitor).
        // A host user's earlier host tokens stop working; the host app's next one is issued after the sign-out.
        if (person.kind === 'host')
          person.token = await hostToken(person.hostSub!, {
            email: person.email!,
            emailVerified: true,
            iat: Math.floor(Date.now() / 1000) + 1,
          });
        else if (person.kind === 'email') person.token = await signInByEmail(server, person.email!);
        else {
          const next = await newPerson('device', everyone.length);
          active.splice(active.indexOf(person), 1, next);
          everyone.push(next);
          const caller = callers.find((c) => c.person === person)!;
          Object.assign(caller, { person: next, label: next.label });
        }
      }
    }

    const rounds = Math.max(...plans.map((p) => p.cases.length));
    for (let round = 0; round < rounds; round++) {
      // One call per caller at a time: a caller's own sign-out never races its other calls.
      await Promise.all(plans.map(({ caller, cases }) => (cases[round] ? runCase(caller, cases[round]!) : undefined)));
    }
    expect(tally.calls).toBeGreaterThan(300);
    expect(tally.ownerChecks, 'too few calls reached the owner check').toBeGreaterThan(20);
    expect(tally.ownSuccesses, "too few calls succeeded on the caller's own records").toBeGreaterThan(20);
    expect(violations.slice(0, 20), `${violations.length} violations`).toEqual([]);

    // Afterwards every person holds exactly what they created, byte for byte in status and audit log.
    for (const person of everyone) {
      // Lapses (R31) are the server's own records, written when a visitor's own endVisit call ends the visit.
      const consents = await server.deps.db.query<{ id: string; event: string }>(
        'select id, event from consent_records where subject_id = $1',
        [person.subjectId],
      );
      const decided = consents.filter((r) => r.event !== 'expired');
      expect(new Set(decided.map((r) => r.id)), `${person.label}'s consent records`).toEqual(person.consents);
      if (person.kind !== 'device') expect(decided, `${person.label}'s records never lapse`).toEqual(consents);
      const requests = await server.deps.db.query<{ id: string; status: string; events: number }>(
        'select r.id, r.status, (select count(*)::int from request_events e where e.request_id = r.id) as events from rights_requests r where r.user_id = $1',
        [person.subjectId],
      );
      expect(
        new Map(requests.map((r) => [r.id, { status: r.status, events: r.events }])),
        `${person.label}'s requests`,
      ).toEqual(person.requests);
    }
    // Nobody's session was ended by someone else.
    for (const person of active)
      expect((await api.get('/v1/me', { token: person.token })).body.subjectId, person.label).toBe(person.subjectId);
  });

  it("every operator and console route, for every role, key and a person's own token: 403 problem+json exactly where the role lacks the capability", async () => {
    const adminRoutes = (Object.entries(endpoints) as Array<[EndpointId, Endpoint]>).filter(
      ([, e]) => e.auth === 'admin',
    );
    expect(adminRoutes.length).toBeGreaterThan(10);
    const person = active.find((p) => p.kind === 'host')!;
    const requestId = [...person.requests.keys()][0]!;
    const callers: Array<{
      label: string;
      kind: 'operator' | 'key' | 'person';
      roles: OperatorRole[];
      token: () => Promise<string>;
    }> = [
      {
        label: 'operator session',
        kind: 'operator',
        roles: ['operator'],
        token: () => signInOperator(server, 'fuzz-desk@twikit.com'),
      },
      {
        label: 'dpo session',
        kind: 'operator',
        roles: ['dpo'],
        token: () => signInOperator(server, 'fuzz-dpo@twikit.com'),
      },
      {
        label: 'biometric session',
        kind: 'operator',
        roles: ['biometric'],
        token: () => signInOperator(server, 'fuzz-scans@twikit.com'),
      },
      {
        label: 'operator key',
        kind: 'key',
        roles: ['operator'],
        token: () => apiKey(server, `fuzz operator ${newKey()}`, ['operator']),
      },
      {
        label: 'dpo+biometric key',
        kind: 'key',
        roles: ['dpo', 'biometric'],
        token: () => apiKey(server, `fuzz dpo ${newKey()}`, ['dpo', 'biometric']),
      },
      { label: "a person's own token", kind: 'person', roles: [], token: async () => person.token },
    ];
    const wrong: string[] = [];
    let allowed = 0;
    let refused = 0;
    for (const caller of callers) {
      const token = await caller.token();
      // Sign-out last: it ends the caller's own session.
      const ordered = [...adminRoutes].sort(
        ([a], [b]) => Number(a === 'consoleSignOut') - Number(b === 'consoleSignOut'),
      );
      for (const [id, endpoint] of ordered) {
        const target = id === 'consoleRevokeKey' ? randomUUID() : requestId;
        const path = endpoint.path.replace('{id}', target);
        const body = bodyFor(id, version);
        const res = await rawCall(
          server.url,
          endpoint.method.toUpperCase(),
          path,
          { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
          body === undefined ? undefined : JSON.stringify(body),
        );
        const type = res.status >= 400 ? String(JSON.parse(res.text).type).split('/').pop() : null;
        const what = `${caller.label} ${endpoint.method.toUpperCase()} ${endpoint.path}: ${res.status} ${type ?? ''}`;
        if (caller.kind === 'person') {
          if (res.status !== 401) wrong.push(`${what} (a person's token must be refused 401)`);
          continue;
        }
        const may = caller.roles.some((r) => ROLES_ALLOWED[endpoint.capability!].includes(r));
        const byDesign = caller.kind === 'key' && STEP_UP.has(id);
        if (!may || byDesign) {
          refused += 1;
          if (
            res.status !== 403 ||
            type !== 'forbidden' ||
            !/problem\+json/.test(String(res.headers['content-type'] ?? ''))
          )
            wrong.push(`${what} (expected 403 forbidden problem+json)`);
        } else {
          allowed += 1;
          // Past the role check: a wrong code (401 sign-in-code-invalid), a missing step-up or an illegal move may follow.
          if (res.status === 403 && type === 'forbidden') wrong.push(`${what} (the role allows it)`);
          if (res.status === 401 && type !== 'sign-in-code-invalid')
            wrong.push(`${what} (authenticated caller refused)`);
        }
      }
    }
    expect(allowed).toBeGreaterThan(30);
    expect(refused).toBeGreaterThan(15);
    expect(wrong).toEqual([]);
  });
});
