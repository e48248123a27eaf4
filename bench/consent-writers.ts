// Concurrent consent writers against a running rights API, shared by `bench/load.ts` (the soak), the
// short load test and the kill -9 test: each writer appends records as fast as the server answers.
import type { ConsentRecord } from '../shared/contract/consent.ts';

/** A record the server acknowledged with 201: it must survive anything that happens afterwards. */
export interface Ack {
  token: string;
  id: string;
  hash: string;
}

export interface WriterRun {
  ok: number;
  errors: number;
  /** The first few failures, as `status text` or the transport error, to say what went wrong. */
  errorSamples: string[];
  latenciesMs: number[];
  elapsedMs: number;
  acks: Ack[];
}

export interface WriterOptions {
  url: string;
  /** One bearer per subject; writer `i` writes as `tokens[i % tokens.length]`, so subjects see concurrent writes. */
  tokens: readonly string[];
  writers: number;
  /** Stop each writer after this many writes, … */
  writesEach?: number;
  /** … or once this much time has passed (whichever comes first). */
  durationMs?: number;
  /** Called on every acknowledged write (the crash test kills the server from here). */
  onAck?: (ack: Ack, total: number) => void;
}

// Decisions cycle through every purpose and both directions, so the chain sees every event kind.
const DECISIONS = [
  ['biometric_scans', 'grant'],
  ['third_party_sharing', 'grant'],
  ['telemetry', 'object'],
  ['biometric_scans', 'deny'],
  ['third_party_sharing', 'deny'],
  ['telemetry', 'withdraw-objection'],
] as const;

/** The current notice version: every decision must name the version it was made under. */
export async function noticeVersion(url: string): Promise<string> {
  const response = await fetch(`${url}/v1/notice`);
  if (!response.ok) throw new Error(`GET /v1/notice answered ${response.status}`);
  return ((await response.json()) as { notice: { version: string } }).notice.version;
}

/** Runs `writers` concurrent loops of POST /v1/consents and counts what came back. */
export async function runConsentWriters(options: WriterOptions): Promise<WriterRun> {
  const version = await noticeVersion(options.url);
  const run: WriterRun = { ok: 0, errors: 0, errorSamples: [], latenciesMs: [], elapsedMs: 0, acks: [] };
  const fail = (what: string) => {
    run.errors += 1;
    if (run.errorSamples.length < 5) run.errorSamples.push(what);
  };
  const started = performance.now();
  const deadline = options.durationMs === undefined ? Infinity : started + options.durationMs;
  const limit = options.writesEach ?? Infinity;
  if (limit === Infinity && deadline === Infinity)
    throw new Error('give writesEach or durationMs, or the writers never stop');

  async function writer(index: number): Promise<void> {
    const token = options.tokens[index % options.tokens.length]!;
    for (let n = 0; n < limit && performance.now() < deadline; n++) {
      const [purpose, decision] = DECISIONS[(index + n) % DECISIONS.length]!;
      // A body-scan grant is accepted only from its own step (method ui, control just-in-time): the server guards it.
      const control = decision === 'grant' && purpose === 'biometric_scans' ? 'just-in-time' : 'toggle';
      const body = {
        purpose,
        decision,
        method: 'ui',
        control,
        surface: { kind: 'api' },
        noticeVersion: version,
        locale: 'en',
      };
      const sent = performance.now();
      try {
        const response = await fetch(`${options.url}/v1/consents`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        const text = await response.text();
        run.latenciesMs.push(performance.now() - sent);
        if (response.status !== 201) {
          fail(`${response.status} ${text.slice(0, 200)}`);
          continue;
        }
        const { record } = JSON.parse(text) as { record: ConsentRecord };
        const ack = { token, id: record.id, hash: record.hash };
        run.ok += 1;
        run.acks.push(ack);
        options.onAck?.(ack, run.ok);
      } catch (error) {
        fail(String((error as Error).cause ?? error));
      }
    }
  }

  await Promise.all(Array.from({ length: options.writers }, (_, i) => writer(i)));
  run.elapsedMs = performance.now() - started;
  return run;
}

/** The `p`-th percentile (0–100) of `values`, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * What is wrong with one subject's hash chain (R35), oldest record first; empty when it is intact: each record's
 * hash covers its own content (`contentHolds`: since issue 13 a keyed hash, so it is checked by whoever holds the
 * subject's key, or by the server's ledger verifier), and each names the hash of the record before it.
 */
export function chainBreaks(
  records: readonly ConsentRecord[],
  contentHolds: (record: ConsentRecord) => boolean,
): string[] {
  const breaks: string[] = [];
  records.forEach((record, i) => {
    const expectedPrev = i === 0 ? null : records[i - 1]!.hash;
    if (record.prevHash !== expectedPrev)
      breaks.push(`record ${i} (${record.id}) names ${record.prevHash} as previous, not ${expectedPrev}`);
    if (!contentHolds(record)) breaks.push(`record ${i} (${record.id}) does not match its hash`);
  });
  return breaks;
}

/**
 * Asks the server's ledger verifier (POST /v1/admin/ledger/verify), which recomputes every chain with its keys:
 * whether the whole ledger holds, and a check for `chainBreaks` that fails the records it names.
 */
export async function ledgerVerdict(
  url: string,
  adminToken: string,
): Promise<{ ok: boolean; divergences: unknown[]; contentHolds: (record: ConsentRecord) => boolean }> {
  const response = await fetch(`${url}/v1/admin/ledger/verify`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}` },
  });
  if (response.status !== 200) throw new Error(`ledger verify answered ${response.status}: ${await response.text()}`);
  const report = (await response.json()) as { ok: boolean; divergences: Array<{ recordId: string | null }> };
  const named = new Set(report.divergences.map((d) => d.recordId));
  return { ok: report.ok, divergences: report.divergences, contentHolds: (record) => !named.has(record.id) };
}
