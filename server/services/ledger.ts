import { createHmac } from 'node:crypto';
import type { ConsentRecord } from '../../shared/contract/consent.ts';
import type { LedgerCheckpoint, LedgerDivergence, LedgerVerification } from '../../shared/contract/ledger.ts';
import { canonicalJson } from '../../shared/notice/canonical-json.ts';
import type { Database, Sql } from '../db/database.ts';
import { safeEqual, sha256Hex } from '../identity/tokens.ts';
import { chainedRecordsAfter } from '../store/consents.ts';
import {
  chainHeads,
  insertCheckpoint,
  latestCheckpoint,
  recentCheckpoints,
  subjectKeys,
  tryCheckpointLock,
} from '../store/ledger.ts';

/**
 * The consent ledger (issue 13, point 5; R35). Each subject's records form a chain: every record names the hash
 * of the one before it. Records written since migration 006 are chained with HMAC-SHA256 under a key of that
 * subject's own ('hmac-v1'); older ones keep their unkeyed SHA-256 ('sha256'). When the subject's proof is
 * purged, the key goes with it: the heads already published in checkpoints cannot be tied to anyone, and every
 * other chain still verifies. A signed checkpoint of every head (server key, outside the database) lets an
 * auditor detect a history rewritten by someone who holds the database, keys included.
 */

export type ChainScheme = 'sha256' | 'hmac-v1';

type Content = Omit<ConsentRecord, 'hash'>;

/** Fields a record gained after the unkeyed chain's time (migration 004); its records were hashed without them. */
const LATER_FIELDS = ['decidedAt', 'receivedAt', 'expiresAt'] as const;

/** An unkeyed ('sha256') record as it was hashed: the later fields, null on every such row, left out. */
function asFirstWritten(content: Content): Partial<Content> {
  const first: Partial<Content> = { ...content };
  for (const field of LATER_FIELDS) if (first[field] === null) delete first[field];
  return first;
}

/** A record's hash under its scheme: the canonical JSON of the record without its hash (it names `prevHash`). */
export function recordHash(scheme: ChainScheme, content: Content, key: string | undefined): string {
  if (scheme === 'sha256') return sha256Hex(canonicalJson(asFirstWritten(content)));
  const text = canonicalJson(content);
  if (key === undefined) throw new Error('an hmac-v1 record needs its subject key');
  return createHmac('sha256', Buffer.from(key, 'hex')).update(text).digest('hex');
}

interface Head {
  subject: string;
  seq: number;
  hash: string;
}

const rootOf = (heads: readonly Head[]): string =>
  sha256Hex(canonicalJson([...heads].sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0))));

const signatureOf = (key: string, c: Pick<LedgerCheckpoint, 'createdAt' | 'throughSeq' | 'subjects' | 'root'>) =>
  createHmac('sha256', key)
    .update(canonicalJson({ createdAt: c.createdAt, throughSeq: c.throughSeq, subjects: c.subjects, root: c.root }))
    .digest('hex');

/** Takes a signed checkpoint of every chain's head in the caller's transaction. */
export async function takeCheckpoint(tx: Sql, signingKey: string, now: Date): Promise<LedgerCheckpoint> {
  const { heads, throughSeq } = await chainHeads(tx);
  const fields = { createdAt: now.toISOString(), throughSeq, subjects: heads.length, root: rootOf(heads) };
  return insertCheckpoint(tx, { ...fields, heads, signature: signatureOf(signingKey, fields) });
}

/**
 * Takes a checkpoint unless one younger than `maxAgeHours` exists. Safe with several instances: the one that
 * gets the lock decides, the others skip. Returns the checkpoint taken, or null.
 */
export async function checkpointIfDue(
  db: Database,
  signingKey: string,
  now: Date,
  maxAgeHours: number,
): Promise<LedgerCheckpoint | null> {
  return db.transaction(async (tx) => {
    if (!(await tryCheckpointLock(tx))) return null;
    const [latest] = await recentCheckpoints(tx, 1);
    if (latest && now.getTime() - Date.parse(latest.createdAt) < maxAgeHours * 3_600_000) return null;
    return takeCheckpoint(tx, signingKey, now);
  });
}

/** The newest checkpoints, newest first. */
export const listCheckpoints = (sql: Sql, take = 30): Promise<LedgerCheckpoint[]> => recentCheckpoints(sql, take);

const PAGE = 1000;
const FIRST = { subjectId: '00000000-0000-0000-0000-000000000000', seq: -1 };

/**
 * Recomputes every chain and compares it with the latest checkpoint. Each divergence names its subject and,
 * where one can be named, the record: a record whose content no longer matches its hash, a record that does not
 * name its predecessor, a chain whose checkpointed head is gone or differs (a history rewritten with fresh
 * hashes), a checkpointed chain whose records are gone while its key remains. A chain whose records and key are
 * both gone was erased by the retention job and is listed as such.
 */
export async function verifyLedger(db: Database, signingKey: string, now: Date): Promise<LedgerVerification> {
  const divergences: LedgerDivergence[] = [];
  const checkpoint = await latestCheckpoint(db);
  const heads = new Map<string, Head>((checkpoint?.heads ?? []).map((h) => [h.subject, h]));
  if (checkpoint) {
    const { heads: _heads, ...published } = checkpoint;
    const genuine =
      rootOf(checkpoint.heads) === checkpoint.root &&
      safeEqual(signatureOf(signingKey, published), published.signature);
    if (!genuine)
      divergences.push({
        reason: 'checkpoint-signature',
        subjectId: null,
        recordId: null,
        seq: null,
        detail: `Checkpoint ${checkpoint.id} does not match its signature: it was not written by this server.`,
      });
  }
  const seen = new Set<string>();
  let records = 0;
  let chain: { subject: string; prev: string | null; headSeen: boolean } | undefined;
  const endChain = () => {
    const head = chain && heads.get(chain.subject);
    if (chain && head && !chain.headSeen)
      divergences.push({
        reason: 'head-missing',
        subjectId: chain.subject,
        recordId: null,
        seq: head.seq,
        detail: `The checkpoint's head of this chain (position ${head.seq}) is no longer in it.`,
      });
  };
  for (let after = FIRST; ; ) {
    const page = await chainedRecordsAfter(db, after, PAGE);
    const keys = await subjectKeys(db, [...new Set(page.map((r) => r.record.subjectId))]);
    for (const { seq, chain: scheme, record } of page) {
      const { hash, ...content } = record;
      if (chain?.subject !== record.subjectId) {
        endChain();
        chain = { subject: record.subjectId, prev: null, headSeen: false };
        seen.add(record.subjectId);
      }
      records++;
      const at = { subjectId: record.subjectId, recordId: record.id, seq };
      if (content.prevHash !== chain.prev)
        divergences.push({
          reason: 'broken-link',
          ...at,
          detail: `Names ${content.prevHash} as previous, not ${chain.prev}.`,
        });
      const key = keys.get(record.subjectId);
      if (scheme === 'hmac-v1' && key === undefined)
        divergences.push({ reason: 'key-missing', ...at, detail: 'A keyed record whose chain key is gone.' });
      else if (recordHash(scheme as ChainScheme, content, key) !== hash)
        divergences.push({ reason: 'hash-mismatch', ...at, detail: 'Its content no longer matches its hash.' });
      const head = heads.get(record.subjectId);
      if (head?.seq === seq) {
        chain.headSeen = true;
        if (head.hash !== hash)
          divergences.push({
            reason: 'head-mismatch',
            ...at,
            detail: `The checkpoint names ${head.hash} as this chain's head here; the chain has ${hash}.`,
          });
      }
      chain.prev = hash;
    }
    if (page.length < PAGE) break;
    const last = page[page.length - 1]!;
    after = { subjectId: last.record.subjectId, seq: last.seq };
  }
  endChain();
  const unseen = [...heads.keys()].filter((subject) => !seen.has(subject));
  const stillKeyed = await subjectKeys(db, unseen);
  const erased: string[] = [];
  for (const subject of unseen) {
    if (!stillKeyed.has(subject)) erased.push(subject);
    else
      divergences.push({
        reason: 'records-missing',
        subjectId: subject,
        recordId: null,
        seq: heads.get(subject)!.seq,
        detail: 'The checkpoint covers this chain, its key is kept, but its records are gone.',
      });
  }
  const { heads: _omit, ...published } = checkpoint ?? { heads: [] };
  return {
    ok: divergences.length === 0,
    checkedAt: now.toISOString(),
    checkpoint: checkpoint ? (published as LedgerCheckpoint) : null,
    subjects: seen.size,
    records,
    erased: erased.sort(),
    divergences,
  };
}
