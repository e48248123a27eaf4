import type { Locale } from '../../shared/contract/common.ts';
import type { NoticeDocument } from '../../shared/contract/notice.ts';
import type { NoticeRelease, PublishNoticeInput } from '../../shared/contract/notice-admin.ts';
import { noticeContentHash } from '../../shared/notice/content-hash.ts';
import { isMaterial, type MaterialMarks, purposeFingerprints } from '../../shared/notice/purpose-fingerprint.ts';
import type { Database, Sql } from '../db/database.ts';
import {
  insertRelease,
  latestRelease,
  lockReleases,
  publishedDocument,
  publishedDocuments,
  publishedHash,
  publishedHashes,
  publishNotice,
  type ReleaseRow,
  releases,
  unreleasedVersions,
} from '../store/notices.ts';
import { conflict, invalid } from './errors.ts';

/** What the consent service asks of the notice history (R12). */
export interface NoticeChanges {
  /**
   * The first version after `givenUnder` that changed `purpose` materially, or undefined when none did (or
   * `givenUnder` is not a release this server knows).
   */
  changedSince(purpose: string, givenUnder: string): string | undefined;
}

export interface NoticeStore extends NoticeChanges {
  /** The current notice in `locale`, or in English when there is no translation of the current version. */
  current(locale: Locale): { notice: NoticeDocument; availableLocales: Locale[] };
  /** Catches up with a version another instance published: one indexed read, a reload only when it changed. */
  refresh(): Promise<void>;
  /** As `refresh`, given the latest release's position read by another statement: a reload only when it changed. */
  observe(latestSeq: number): Promise<void>;
  /** The hash a published version carries, or undefined for a version that was never published. */
  hashOf(version: string, locale: Locale): Promise<string | undefined>;
  /** A published version as it was published (in `locale`, else English), or undefined (receipts cite old versions). */
  published(version: string, locale: Locale): Promise<NoticeDocument | undefined>;
  /** Every locale a published version exists in. */
  localesOf(version: string): Promise<Locale[]>;
  /** Publishes a new version; it is the current one from now on, on every instance (R12). */
  publish(input: PublishNoticeInput, now: Date): Promise<NoticeRelease>;
  /** Every published version, newest first. */
  list(): Promise<NoticeRelease[]>;
}

export class NoticeConflictError extends Error {
  override name = 'NoticeConflictError';
}

interface Loaded {
  seq: number;
  byLocale: Map<Locale, NoticeDocument>;
  english: NoticeDocument;
  availableLocales: Locale[];
  releases: ReleaseRow[];
  /** Version → its position in `releases`. */
  index: Map<string, number>;
}

/** The fingerprints and material flags of `version`'s purposes against the latest release that had each purpose. */
async function releasePurposes(tx: Sql, english: NoticeDocument, marks: MaterialMarks) {
  const earlier = await releases(tx);
  const previous = new Map<string, string>();
  for (const release of earlier) for (const p of release.purposes) previous.set(p.purpose, p.fingerprint);
  const fingerprints = await purposeFingerprints(english);
  return [...fingerprints].map(([purpose, fingerprint]) => ({
    purpose,
    fingerprint,
    material: isMaterial(previous.get(purpose), fingerprint, marks[purpose]),
  }));
}

const englishOf = (documents: readonly NoticeDocument[]) => documents.find((d) => d.locale === 'en');

/**
 * Versions published before releases were recorded (migration 007) become releases in publication order; their
 * purposes count as material where the fingerprint changed, as a publisher would have been asked.
 */
async function releaseLegacyVersions(db: Database, now: Date): Promise<void> {
  if ((await unreleasedVersions(db)).length === 0) return;
  await db.transaction(async (tx) => {
    await lockReleases(tx);
    for (const version of await unreleasedVersions(tx)) {
      const english = englishOf(await publishedDocuments(tx, version));
      await insertRelease(tx, version, english ? await releasePurposes(tx, english, {}) : [], now);
    }
  });
}

/**
 * Publishes notice versions and serves the current one — the latest release — from memory, checked against the
 * database on each request so a version published through another instance is served at once.
 * A version id is immutable: republishing it with other content is refused, so every consent record's
 * version + hash keeps pointing at the text the person saw.
 */
export async function createNoticeStore(
  db: Database,
  documents: readonly NoticeDocument[],
  now: Date,
): Promise<NoticeStore> {
  if (!englishOf(documents)) throw new NoticeConflictError('The notice must exist in English, the fallback locale.');
  for (const doc of documents) {
    const existing = await publishedHash(db, doc.version, doc.locale);
    if (existing !== undefined && existing !== doc.contentHash) {
      throw new NoticeConflictError(
        `Notice version ${doc.version} (${doc.locale}) is already published with other content; give the changed notice a new version id.`,
      );
    }
    if (existing === undefined) await publishNotice(db, doc, now);
  }
  await releaseLegacyVersions(db, now);

  const load = async (): Promise<Loaded> => {
    const all = await releases(db);
    const latest = all.at(-1);
    if (!latest) throw new NoticeConflictError('No notice version is published.');
    const docs = await publishedDocuments(db, latest.version);
    const byLocale = new Map(docs.map((doc) => [doc.locale, doc] as const));
    const english = byLocale.get('en');
    if (!english) throw new NoticeConflictError(`Notice version ${latest.version} has no English document.`);
    return {
      seq: latest.seq,
      byLocale,
      english,
      availableLocales: [...byLocale.keys()].sort(),
      releases: all,
      index: new Map(all.map((r, i) => [r.version, i] as const)),
    };
  };
  let state = await load();
  let pending: Promise<void> | undefined;
  const reload = async (): Promise<void> => {
    const next = await load();
    if (next.seq > state.seq) state = next;
  };
  const refresh = async (): Promise<void> => {
    const latest = await latestRelease(db);
    if (latest && latest.seq !== state.seq) await reload();
  };
  // Concurrent requests share one check, and one reload.
  const shared = (check: () => Promise<void>): Promise<void> => {
    pending ??= check().finally(() => {
      pending = undefined;
    });
    return pending;
  };

  const asRelease = async (row: ReleaseRow): Promise<NoticeRelease> => {
    const docs = await publishedDocuments(db, row.version);
    return {
      version: row.version,
      effectiveDate: englishOf(docs)?.effectiveDate ?? docs[0]?.effectiveDate ?? row.publishedAt.slice(0, 10),
      publishedAt: row.publishedAt,
      locales: docs.map((d) => d.locale).sort(),
      current: row.version === state.english.version,
      purposes: row.purposes,
    };
  };

  return {
    current: (locale) => ({
      notice: state.byLocale.get(locale) ?? state.english,
      availableLocales: state.availableLocales,
    }),
    refresh: () => shared(refresh),
    observe: (latestSeq) => (latestSeq === state.seq ? Promise.resolve() : shared(reload)),
    changedSince(purpose, givenUnder) {
      const from = state.index.get(givenUnder);
      if (from === undefined) return undefined;
      for (const release of state.releases.slice(from + 1)) {
        if (release.purposes.some((p) => p.purpose === purpose && p.material)) return release.version;
      }
      return undefined;
    },
    async hashOf(version, locale) {
      // The version in force is in memory, all its locales: a decision citing it (nearly all) reads nothing.
      if (version === state.english.version) return (state.byLocale.get(locale) ?? state.english).contentHash;
      const rows = await publishedHashes(db, version);
      return (rows.find((r) => r.locale === locale) ?? rows.find((r) => r.locale === 'en') ?? rows[0])?.contentHash;
    },
    published: (version, locale) => publishedDocument(db, version, locale),
    async localesOf(version) {
      return (await publishedDocuments(db, version)).map((d) => d.locale).sort();
    },
    async publish(input, at) {
      const documents = await checkPublication(input);
      const english = englishOf(documents) as NoticeDocument;
      const version = english.version;
      await db.transaction(async (tx) => {
        await lockReleases(tx);
        if ((await publishedHashes(tx, version)).length > 0)
          throw conflict(`Notice version "${version}" is already published; a changed notice needs a new version id.`);
        for (const doc of documents) await publishNotice(tx, doc, at);
        await insertRelease(tx, version, await releasePurposes(tx, english, input.material ?? {}), at);
      });
      await refresh();
      const row = state.releases.find((r) => r.version === version);
      if (!row) throw new Error(`Notice version ${version} was published but is not loaded.`);
      return asRelease(row);
    },
    async list() {
      await refresh();
      return Promise.all([...state.releases].reverse().map(asRelease));
    },
  };
}

/** One version, English among its documents, each locale once, each hash the one its content has (R12: the hash is what a record cites). */
async function checkPublication(input: PublishNoticeInput): Promise<NoticeDocument[]> {
  const versions = new Set(input.documents.map((d) => d.version));
  if (versions.size !== 1)
    throw invalid(`Publish one version at a time (got ${[...versions].map((v) => `"${v}"`).join(', ')}).`, {
      errors: [{ pointer: '/body/documents', reason: 'Every document must carry the same version.' }],
    });
  const locales = input.documents.map((d) => d.locale);
  if (new Set(locales).size !== locales.length)
    throw invalid('Each locale may appear once.', {
      errors: [{ pointer: '/body/documents', reason: 'A locale appears twice.' }],
    });
  if (!locales.includes('en'))
    throw invalid('The notice must exist in English, the authoritative and fallback locale.', {
      errors: [{ pointer: '/body/documents', reason: 'No English document.' }],
    });
  return Promise.all(
    input.documents.map(async (doc, i) => {
      const contentHash = await noticeContentHash(doc);
      if (doc.contentHash !== contentHash)
        throw invalid(`The ${doc.locale} document's contentHash does not match its content (${contentHash}).`, {
          errors: [{ pointer: `/body/documents/${i}/contentHash`, reason: 'Does not match the content.' }],
        });
      return doc;
    }),
  );
}
