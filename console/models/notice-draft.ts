import * as z from 'zod/mini';
import { NoticeDocument } from '../../shared/contract/notice.ts';
import { noticeContentHash } from '../../shared/notice/content-hash.ts';
import { purposeFingerprint } from '../../shared/notice/purpose-fingerprint.ts';

/** One thing wrong with a pasted notice: where (`documents[0].purposes[1].title`) and what, as a message key. */
export interface DraftIssue {
  path: string;
  kind:
    | 'not-json'
    | 'shape'
    | 'no-english'
    | 'mixed-versions'
    | 'published'
    | 'hash'
    | 'type'
    | 'too-small'
    | 'too-big'
    | 'format'
    | 'value'
    | 'keys'
    | 'other';
  /** The contract's own words (English), shown beside the translated kind for what the kind cannot say. */
  detail: string;
}

export type DraftCheck =
  | { ok: true; documents: NoticeDocument[]; english: NoticeDocument; material: Record<string, boolean> }
  | { ok: false; issues: DraftIssue[] };

const KINDS: Partial<Record<string, DraftIssue['kind']>> = {
  invalid_type: 'type',
  too_small: 'too-small',
  too_big: 'too-big',
  invalid_format: 'format',
  invalid_value: 'value',
  unrecognized_keys: 'keys',
};

const pathOf = (base: string, path: readonly PropertyKey[]): string =>
  path.reduce<string>((at, key) => (typeof key === 'number' ? `${at}[${key}]` : `${at}.${String(key)}`), base);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a notice an operator pasted or chose as a file, before anything is sent: the JSON, the contract
 * (NoticeDocument, each issue with its path), one English document, one version id not yet published, and each
 * `contentHash` (filled in where missing, refused where it does not match the text). Accepts one document, an
 * array of documents, or a publish body `{ documents, material }`.
 */
export async function checkNoticeDraft(text: string, published: readonly string[]): Promise<DraftCheck> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ path: '', kind: 'not-json', detail: (error as Error).message }] };
  }
  const list = Array.isArray(raw) ? raw : isObject(raw) && Array.isArray(raw.documents) ? raw.documents : [raw];
  const material = isObject(raw) && isObject(raw.material) ? raw.material : {};
  if (list.length === 0 || !list.every(isObject))
    return { ok: false, issues: [{ path: '', kind: 'shape', detail: 'expected a notice document or a list of them' }] };
  const issues: DraftIssue[] = [];
  const documents: NoticeDocument[] = [];
  for (const [i, doc] of (list as Record<string, unknown>[]).entries()) {
    const base = `documents[${i}]`;
    const hash = await noticeContentHash(doc as NoticeDocument).catch(() => null);
    const filled = doc.contentHash === undefined && hash ? { ...doc, contentHash: hash } : doc;
    const parsed = z.safeParse(NoticeDocument, filled);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        issues.push({ path: pathOf(base, issue.path), kind: KINDS[issue.code] ?? 'other', detail: issue.message });
      continue;
    }
    if (hash && parsed.data.contentHash !== hash)
      issues.push({ path: `${base}.contentHash`, kind: 'hash', detail: `the text hashes to ${hash}` });
    documents.push(parsed.data);
  }
  if (issues.length > 0) return { ok: false, issues };
  const english = documents.find((d) => d.locale === 'en');
  if (!english) return { ok: false, issues: [{ path: 'documents', kind: 'no-english', detail: 'locale "en"' }] };
  const versions = [...new Set(documents.map((d) => d.version))];
  if (versions.length > 1)
    return { ok: false, issues: [{ path: 'documents', kind: 'mixed-versions', detail: versions.join(', ') }] };
  if (published.includes(english.version))
    return {
      ok: false,
      issues: [
        {
          path: `${pathOf('documents', [documents.indexOf(english)])}.version`,
          kind: 'published',
          detail: english.version,
        },
      ],
    };
  const marks = Object.fromEntries(Object.entries(material).filter(([, v]) => typeof v === 'boolean')) as Record<
    string,
    boolean
  >;
  return { ok: true, documents, english, material: marks };
}

/** Per purpose of `next` that `current` also has: whether its consent-relevant fields changed (the default mark). */
export async function fingerprintChanges(
  current: NoticeDocument,
  next: NoticeDocument,
): Promise<Record<string, boolean>> {
  const changes: Record<string, boolean> = {};
  for (const purpose of next.purposes) {
    const before = current.purposes.find((p) => p.id === purpose.id);
    if (before) changes[purpose.id] = (await purposeFingerprint(before)) !== (await purposeFingerprint(purpose));
  }
  return changes;
}
