import * as z from 'zod/mini';
import { Timestamp, Uuid } from './common.ts';

/**
 * The consent ledger as auditors see it (issue 13, point 5): signed checkpoints of every chain's head, and the
 * verifier's report. Server-only (the admin endpoints); no surface ships these.
 */

/** A signed statement of the ledger at one moment: `root` covers the head of every subject's chain. */
export const LedgerCheckpoint = /* @__PURE__ */ z.object({
  id: z.number(),
  createdAt: Timestamp,
  /** The highest record position the heads cover. */
  throughSeq: z.number(),
  /** How many chains (subjects) it covers. */
  subjects: z.number(),
  /** SHA-256 (hex) of the canonical JSON of the heads, sorted by subject: `[{ subject, seq, hash }]`. */
  root: z.string(),
  /** HMAC-SHA256 (hex) with the server's LEDGER_CHECKPOINT_KEY of the canonical JSON of `{ createdAt, throughSeq, subjects, root }`. */
  signature: z.string(),
});
export type LedgerCheckpoint = z.infer<typeof LedgerCheckpoint>;

export const LedgerCheckpointList = /* @__PURE__ */ z.object({ checkpoints: z.array(LedgerCheckpoint) });
export type LedgerCheckpointList = z.infer<typeof LedgerCheckpointList>;

/** Why a chain does not hold. */
export const LedgerDivergenceReason = /* @__PURE__ */ z.enum([
  'checkpoint-signature',
  'hash-mismatch',
  'broken-link',
  'key-missing',
  'head-mismatch',
  'head-missing',
  'records-missing',
]);

/** One place where the stored ledger disagrees with itself or with the latest checkpoint. */
export const LedgerDivergence = /* @__PURE__ */ z.object({
  reason: LedgerDivergenceReason,
  /** The chain's subject; null for the checkpoint itself. */
  subjectId: z.nullable(Uuid),
  /** The record at fault, when one can be named. */
  recordId: z.nullable(Uuid),
  seq: z.nullable(z.number()),
  detail: z.string(),
});
export type LedgerDivergence = z.infer<typeof LedgerDivergence>;

export const LedgerVerification = /* @__PURE__ */ z.object({
  /** True when every chain holds and matches the latest checkpoint (or there is none yet). */
  ok: z.boolean(),
  checkedAt: Timestamp,
  checkpoint: z.nullable(LedgerCheckpoint),
  subjects: z.number(),
  records: z.number(),
  /** Chains in the checkpoint whose records and key are gone: erased when their proof was purged. */
  erased: z.array(Uuid),
  divergences: z.array(LedgerDivergence),
});
export type LedgerVerification = z.infer<typeof LedgerVerification>;
