// The person's own copy of every receipt (R34), in extension storage: it outlives the server's answer, a sign-out
// of the site, even the service itself, and is checked offline against the JWKS fetched when it was kept.
import type { DecidedRecord } from '../shared/contract/consent.ts';
import type { SignedReceipt } from '../shared/contract/receipt.ts';
import { type ReceiptJwk, verifySignedReceipt } from '../shared/receipt/verify.ts';

/** What `storage.local` holds for receipts: record id → signed receipt, and every key ever seen signing one. */
export interface KeptReceipts {
  receipts: Record<string, SignedReceipt>;
  receiptKeys: ReceiptJwk[];
}

/** The part of `browser.storage.local` used here (so tests can hand in a plain object). */
export interface ReceiptStorage {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(values: Record<string, unknown>): Promise<void>;
}

/** What keeping needs from the API: the person's decisions, a receipt, and the issuer's published keys. */
export interface ReceiptSource {
  decisions(signal?: AbortSignal): Promise<DecidedRecord[]>;
  receipt(id: string, signal?: AbortSignal): Promise<SignedReceipt>;
  jwks(signal?: AbortSignal): Promise<{ keys: ReceiptJwk[] }>;
}

export async function readKept(storage: ReceiptStorage): Promise<KeptReceipts> {
  const got = (await storage.get(['receipts', 'receiptKeys'])) as Partial<KeptReceipts>;
  return { receipts: got.receipts ?? {}, receiptKeys: got.receiptKeys ?? [] };
}

/**
 * Fetches the receipt of every decision not kept yet, and the keys, and stores them. Keys are merged, never
 * replaced: a key the server has since retired still checks the receipts it signed. Returns how many were added.
 */
export async function keepReceipts(
  storage: ReceiptStorage,
  source: ReceiptSource,
  signal?: AbortSignal,
): Promise<number> {
  const kept = await readKept(storage);
  const missing = (await source.decisions(signal)).filter((record) => !kept.receipts[record.id]);
  if (missing.length === 0) return 0;
  const receipts = { ...kept.receipts };
  for (const record of missing) receipts[record.id] = await source.receipt(record.id, signal);
  const keys = new Map(kept.receiptKeys.map((key) => [key.kid, key]));
  for (const key of (await source.jwks(signal)).keys) if (key.kid && !keys.has(key.kid)) keys.set(key.kid, key);
  await storage.set({ receipts, receiptKeys: [...keys.values()] });
  return missing.length;
}

/** Checks every kept receipt against the kept keys, without the network: record id → valid, or why not. */
export async function checkKept(storage: ReceiptStorage): Promise<Record<string, true | string>> {
  const { receipts, receiptKeys } = await readKept(storage);
  const results: Record<string, true | string> = {};
  for (const [id, signed] of Object.entries(receipts)) {
    const check = await verifySignedReceipt(signed, { keys: receiptKeys });
    results[id] = check.ok ? true : check.reason;
  }
  return results;
}

/** The API client's calls as a receipt source; the keys come from the issuer's well-known JWKS. */
export const apiSource = (api: {
  baseUrl: string;
  decisions(signal?: AbortSignal): Promise<DecidedRecord[]>;
  receiptFile(id: string, kind: 'json'): Promise<Blob>;
}): ReceiptSource => ({
  decisions: (signal) => api.decisions(signal),
  receipt: async (id) => JSON.parse(await (await api.receiptFile(id, 'json')).text()) as SignedReceipt,
  jwks: async (signal) => {
    const response = await fetch(`${api.baseUrl}/.well-known/jwks.json`, signal ? { signal } : {});
    if (!response.ok) throw new Error(`JWKS: HTTP ${response.status}`);
    return (await response.json()) as { keys: ReceiptJwk[] };
  },
});
