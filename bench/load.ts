// `npm run soak`: sustained concurrent consent writers against the real server process, once on PGlite
// and once on PostgreSQL. Prints errors, throughput and latency percentiles, checks every subject's hash
// chain afterwards, and writes the figures into docs/reliability.md (between the soak markers).
//   SOAK_SECONDS (20)  SOAK_WRITERS (50)  SOAK_SUBJECTS (writers / 2)  SOAK_DATABASES (pglite,postgres)
//   SOAK_PG_URL or TEST_PG_URL (postgres://postgres@127.0.0.1:5432/postgres)  SOAK_NO_DOCS=1: print only
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import pg from 'pg';
import type { ConsentRecord } from '../shared/contract/consent.ts';
import { chainBreaks, ledgerVerdict, percentile, runConsentWriters } from './consent-writers.ts';
import { launchServer, stopServer } from './server-process.ts';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 20);
const WRITERS = Number(process.env.SOAK_WRITERS ?? 50);
const SUBJECTS = Number(process.env.SOAK_SUBJECTS ?? Math.max(1, Math.floor(WRITERS / 2)));
const DATABASES = (process.env.SOAK_DATABASES ?? 'pglite,postgres').split(',').map((s) => s.trim()) as Array<
  'pglite' | 'postgres'
>;
if (DATABASES.some((d) => d !== 'pglite' && d !== 'postgres'))
  throw new Error(`SOAK_DATABASES lists pglite and/or postgres, got "${DATABASES.join(',')}"`);
const PG_ADMIN_URL =
  process.env.SOAK_PG_URL ?? process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECRET = randomBytes(32).toString('hex');
const ADMIN_TOKEN = randomBytes(24).toString('hex');
const DOC = 'docs/reliability.md';
const MARKERS = ['<!-- soak:start -->', '<!-- soak:end -->'] as const;

interface Figures {
  database: string;
  writes: number;
  errors: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  chainBreaks: number;
  errorSamples: string[];
}

/** A throwaway database: a PGlite folder or a new PostgreSQL database; `dispose` removes it. */
async function scratchDatabase(
  kind: 'pglite' | 'postgres',
): Promise<{ env: Record<string, string>; dispose(): Promise<void> }> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'tpc-soak-'));
    return { env: { DATA_DIR: dir }, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `tpc_soak_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    dispose: () => admin(`drop database if exists ${name} with (force)`),
  };
}

const hostToken = (sub: string) =>
  new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(SECRET));

async function soak(kind: 'pglite' | 'postgres'): Promise<Figures> {
  const database = await scratchDatabase(kind);
  // The limiter would answer 429 long before the database is the bottleneck; the soak measures the write path.
  const server = await launchServer({
    ...database.env,
    HOST_TOKEN_SECRET: SECRET,
    ADMIN_TOKEN,
    NODE_ENV: 'development',
    RATE_LIMIT_PER_MINUTE: '100000000',
  });
  try {
    const tokens = await Promise.all(
      Array.from({ length: SUBJECTS }, (_, i) => hostToken(`soak-${i}-${randomBytes(4).toString('hex')}`)),
    );
    const run = await runConsentWriters({ url: server.url, tokens, writers: WRITERS, durationMs: SECONDS * 1000 });
    // The server's verifier recomputes the keyed hashes (it alone holds the chain keys).
    const verdict = await ledgerVerdict(server.url, ADMIN_TOKEN);
    let breaks = verdict.ok ? 0 : verdict.divergences.length;
    for (const token of tokens) {
      const response = await fetch(`${server.url}/v1/consents/history`, {
        headers: { authorization: `Bearer ${token}` },
      });
      breaks += chainBreaks(
        ((await response.json()) as { records: ConsentRecord[] }).records,
        verdict.contentHolds,
      ).length;
    }
    return {
      database:
        kind === 'pglite'
          ? 'PGlite (embedded, in the server process)'
          : `PostgreSQL on ${new URL(PG_ADMIN_URL).host} (pool of 10)`,
      writes: run.ok,
      errors: run.errors,
      perSecond: run.ok / (run.elapsedMs / 1000),
      p50: percentile(run.latenciesMs, 50),
      p99: percentile(run.latenciesMs, 99),
      max: percentile(run.latenciesMs, 100),
      chainBreaks: breaks,
      errorSamples: run.errorSamples,
    };
  } finally {
    await stopServer(server);
    await database.dispose();
  }
}

function table(rows: Figures[]): string {
  const lines = [
    '| database | acknowledged writes | errors | writes/s | p50 ms | p99 ms | max ms | chain breaks |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.database} | ${r.writes} | ${r.errors} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${r.chainBreaks} |`,
    ),
  ];
  return lines.join('\n');
}

// Other work on the machine shows in every figure; the load average says how much there was.
const loadAtStart = loadavg()[0]!.toFixed(1);
const results: Figures[] = [];
for (const kind of DATABASES) {
  console.log(`soak: ${WRITERS} writers over ${SUBJECTS} subjects for ${SECONDS} s on ${kind} …`);
  const figures = await soak(kind);
  for (const sample of figures.errorSamples) console.log(`  error: ${sample}`);
  results.push(figures);
}
const machine = `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const section = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}: \`npm run soak\` — ${WRITERS} concurrent writers over ${SUBJECTS} subjects,`,
  `${SECONDS} s per database, each writer appending consent records (POST /v1/consents) as fast as the server answers;`,
  `load average ${loadAtStart} at the start, ${loadavg()[0]!.toFixed(1)} at the end.`,
  '',
  table(results),
].join('\n');
console.log(`\n${section}\n`);

if (process.env.SOAK_NO_DOCS !== '1') {
  const doc = readFileSync(DOC, 'utf8');
  const start = doc.indexOf(MARKERS[0]);
  const end = doc.indexOf(MARKERS[1]);
  if (start < 0 || end < start) throw new Error(`${DOC} has no ${MARKERS.join(' … ')} section to fill`);
  writeFileSync(DOC, `${doc.slice(0, start + MARKERS[0].length)}\n${section}\n${doc.slice(end)}`);
  console.log(`figures written to ${DOC}`);
}
process.exitCode = results.some((r) => r.errors > 0 || r.chainBreaks > 0) ? 1 : 0;
