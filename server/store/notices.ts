import type { NoticeDocument } from '../../shared/contract/notice.ts';
import type { Sql } from '../db/database.ts';

/** The hash a version was published with in `locale`, or undefined when it was not published in it. */
export async function publishedHash(sql: Sql, version: string, locale: string): Promise<string | undefined> {
  const [row] = await sql.query<{ content_hash: string }>(
    'select content_hash from notice_versions where version = $1 and locale = $2',
    [version, locale],
  );
  return row?.content_hash;
}

/** Every locale a version was published in, with its hash. */
export async function publishedHashes(
  sql: Sql,
  version: string,
): Promise<Array<{ locale: string; contentHash: string }>> {
  const rows = await sql.query<{ content_hash: string; locale: string }>(
    'select content_hash, locale from notice_versions where version = $1',
    [version],
  );
  return rows.map((r) => ({ locale: r.locale, contentHash: r.content_hash }));
}

/** Publishes a notice document (a no-op when another instance just published it). */
export async function publishNotice(sql: Sql, doc: NoticeDocument, now: Date): Promise<void> {
  await sql.query(
    `insert into notice_versions (version, locale, content_hash, effective_date, document, published_at)
     values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
    [doc.version, doc.locale, doc.contentHash, doc.effectiveDate, JSON.stringify(doc), now.toISOString()],
  );
}

/** A published version's document in `locale`, else in English, else in any locale it has; undefined if never published. */
export async function publishedDocument(
  sql: Sql,
  version: string,
  locale: string,
): Promise<NoticeDocument | undefined> {
  const rows = await sql.query<{ locale: string; document: NoticeDocument | string }>(
    'select locale, document from notice_versions where version = $1',
    [version],
  );
  const row = rows.find((r) => r.locale === locale) ?? rows.find((r) => r.locale === 'en') ?? rows[0];
  if (!row) return undefined;
  return typeof row.document === 'string' ? (JSON.parse(row.document) as NoticeDocument) : row.document;
}

/** Every locale's document of a version (empty when never published). */
export async function publishedDocuments(sql: Sql, version: string): Promise<NoticeDocument[]> {
  const rows = await sql.query<{ document: NoticeDocument | string }>(
    'select document from notice_versions where version = $1 order by locale',
    [version],
  );
  return rows.map((r) => (typeof r.document === 'string' ? (JSON.parse(r.document) as NoticeDocument) : r.document));
}

/** One purpose of a release: its fingerprint and whether it changed materially since the version before. */
export interface ReleasedPurposeRow {
  purpose: string;
  fingerprint: string;
  material: boolean;
}

export interface ReleaseRow {
  seq: number;
  version: string;
  publishedAt: string;
  purposes: ReleasedPurposeRow[];
}

/** The latest release's position and version: one index step, cheap enough to ask on every request. */
export async function latestRelease(sql: Sql): Promise<{ seq: number; version: string } | undefined> {
  const [row] = await sql.query<{ seq: string; version: string }>(
    'select seq, version from notice_releases order by seq desc limit 1',
  );
  return row ? { seq: Number(row.seq), version: row.version } : undefined;
}

/** Every release, oldest first, with its purposes (versions are few: a handful a year). */
export async function releases(sql: Sql): Promise<ReleaseRow[]> {
  const rows = await sql.query<{
    seq: string;
    version: string;
    published_at: Date;
    purpose: string | null;
    fingerprint: string | null;
    material: boolean | null;
  }>(
    `select r.seq, r.version, r.published_at, p.purpose, p.fingerprint, p.material
       from notice_releases r left join notice_purposes p on p.version = r.version
       order by r.seq, p.purpose`,
  );
  const bySeq = new Map<number, ReleaseRow>();
  for (const row of rows) {
    const seq = Number(row.seq);
    let release = bySeq.get(seq);
    if (!release) {
      release = { seq, version: row.version, publishedAt: new Date(row.published_at).toISOString(), purposes: [] };
      bySeq.set(seq, release);
    }
    if (row.purpose !== null && row.fingerprint !== null && row.material !== null)
      release.purposes.push({ purpose: row.purpose, fingerprint: row.fingerprint, material: row.material });
  }
  return [...bySeq.values()];
}

/** Versions in notice_versions without a release (published before migration 007), in publication order. */
export async function unreleasedVersions(sql: Sql): Promise<string[]> {
  const rows = await sql.query<{ version: string }>(
    `select version from notice_versions v where not exists (select 1 from notice_releases r where r.version = v.version)
       group by version order by min(published_at), version`,
  );
  return rows.map((r) => r.version);
}

/** Serialises publications across instances for the rest of the transaction. */
export async function lockReleases(tx: Sql): Promise<void> {
  await tx.query("select pg_advisory_xact_lock(hashtext('notice-releases'))");
}

/** Records a version as released (it becomes the current one), with its purposes' fingerprints. */
export async function insertRelease(
  tx: Sql,
  version: string,
  purposes: readonly ReleasedPurposeRow[],
  now: Date,
): Promise<void> {
  await tx.query('insert into notice_releases (version, published_at) values ($1, $2)', [version, now.toISOString()]);
  for (const p of purposes) {
    await tx.query('insert into notice_purposes (version, purpose, fingerprint, material) values ($1, $2, $3, $4)', [
      version,
      p.purpose,
      p.fingerprint,
      p.material,
    ]);
  }
}
