// CLI: `npx tsx tools/verify-receipt.ts receipt.json [--jwks url-or-file] [--notice url-or-file]`
// Checks a consent receipt as its holder, or anyone, would (R34): the signature, that the signing key is one the
// issuer publishes (its JWKS; default: <issuer>/.well-known/jwks.json), and that the notice hash it cites is the hash
// of the notice version it names (default: <issuer>/v1/notice?version=…). Exit code 0: it holds; 1: it does not.
import { readFile } from 'node:fs/promises';
import { SignedReceipt } from '../shared/contract/receipt.ts';
import { noticeContentHash } from '../shared/notice/content-hash.ts';
import type { NoticeDocument } from '../shared/contract/notice.ts';
import { verifySignedReceipt } from '../shared/receipt/verify.ts';

class Refusal extends Error {}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

/** A URL is fetched, anything else is read as a file. */
async function load(source: string, what: string): Promise<unknown> {
  try {
    if (/^https?:\/\//.test(source)) {
      const response = await fetch(source, { signal: AbortSignal.timeout(15_000) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return await response.json();
    }
    return JSON.parse(await readFile(source, 'utf8'));
  } catch (error) {
    throw new Refusal(`cannot read the ${what} from ${source}: ${(error as Error).message}`);
  }
}

async function verify(file: string): Promise<string> {
  const raw = (await load(file, 'receipt')) as { receipt?: unknown; jws?: unknown };
  const parsed = SignedReceipt.safeParse(raw);
  if (!parsed.success) throw new Refusal(`${file} is not a Twikit consent receipt: ${parsed.error.issues[0]?.message}`);
  const { receipt, jws } = parsed.data;
  const jwks = (await load(option('--jwks') ?? `${receipt.issuer}/.well-known/jwks.json`, 'JWKS')) as {
    keys?: unknown;
  };
  if (!Array.isArray(jwks.keys)) throw new Refusal('the JWKS has no "keys" list');
  const check = await verifySignedReceipt({ receipt: raw.receipt, jws }, { keys: jwks.keys });
  if (!check.ok) throw new Refusal(check.reason);

  const { version, locale, hash } = receipt.notice;
  const noticeSource =
    option('--notice') ??
    `${receipt.issuer}/v1/notice?version=${encodeURIComponent(version)}&locale=${encodeURIComponent(locale)}`;
  const body = (await load(noticeSource, 'notice')) as { notice?: NoticeDocument } & Partial<NoticeDocument>;
  const notice = (body.notice ?? body) as NoticeDocument;
  if (notice.version !== version)
    throw new Refusal(`the notice at ${noticeSource} is version ${notice.version}, the receipt cites ${version}`);
  const actual = await noticeContentHash(notice);
  if (actual !== hash) throw new Refusal(`notice ${version} hashes to ${actual}, the receipt says ${hash}`);
  return `receipt ${receipt.receiptId} verifies: signed by key ${check.kid} of ${receipt.issuer}; notice ${version} (${locale}) matches its hash`;
}

const file = process.argv[2];
if (!file || file.startsWith('--')) {
  console.error('usage: npx tsx tools/verify-receipt.ts receipt.json [--jwks url-or-file] [--notice url-or-file]');
  process.exit(1);
}
try {
  console.log(`OK: ${await verify(file)}`);
} catch (error) {
  if (!(error instanceof Refusal)) throw error;
  console.error(`NOT VALID: ${error.message}`);
  process.exit(1);
}
