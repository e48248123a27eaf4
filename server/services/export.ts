import * as z from 'zod/mini';
import { PAGE_LIMITS } from '../../shared/contract/paging.ts';
import type { ExportDocument, ExportPage, RightsRequest } from '../../shared/contract/requests.ts';
import type { NoticeDocument } from '../../shared/contract/notice.ts';
import { hasExport, type ExportType } from '../../shared/registry/request-type-rules.ts';
import type { Database, Sql } from '../db/database.ts';
import {
  exportSubject,
  hasStoredExport,
  saveExportIfMissing,
  storedExport,
  storedExportPage,
} from '../store/exports.ts';
import { jobsOfRequests, type JobRow } from '../store/jobs.ts';
import type { SystemExport } from '../../shared/contract/systems.ts';
import { history } from './consents.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { conflict } from './errors.ts';

/**
 * Everything the service holds on `userId`, as of `now`. Access exports add the Art. 15(1)(a)-(h) and 15(2)
 * information from the notice; portability exports carry only provided and observed data (Art. 20; WP242).
 */
export async function buildExport(
  sql: Sql,
  request: { id: string; type: ExportType },
  userId: string,
  notice: NoticeDocument,
  now: Date,
): Promise<ExportDocument> {
  const { account: user, requests } = await exportSubject(sql, userId);
  if (!user) throw new Error(`export for a missing user ${userId}`);
  const jobs = await jobsOfRequests(sql, [request.id]);
  return {
    format: 'twikit-privacy-export',
    formatVersion: 1,
    generatedAt: now.toISOString(),
    request,
    account: {
      userId: user.id,
      email: user.email,
      hostSubject: user.host_subject,
      region: user.region,
      createdAt: new Date(user.created_at).toISOString(),
    },
    consents: await history(sql, userId),
    requests: requests.map((r) => ({
      id: r.id,
      type: r.type,
      status: r.status,
      receivedAt: new Date(r.received_at).toISOString(),
      dueAt: r.due_at,
      input: r.input,
    })),
    ...(request.type === 'access' ? { information: accessInformation(notice, jobs) } : {}),
    ...(jobs.length > 0 ? { systems: systemsPart(jobs) } : {}),
  };
}

/** Each system's answer under its id: its data when it had some, and what became of the job. */
function systemsPart(jobs: readonly JobRow[]): Record<string, SystemExport> {
  return Object.fromEntries(
    jobs.map((job) => {
      const data = job.state === 'done' ? (job.result as { data?: unknown } | null)?.data : undefined;
      const part: SystemExport = {
        name: job.system.name,
        kind: job.system.kind,
        regions: job.system.regions as SystemExport['regions'],
        state: job.state,
        ...(data !== undefined ? { data } : {}),
      };
      return [job.system_id, part];
    }),
  );
}

/** Art. 15(1)(a)-(h) about this person: which systems hold their data, where, and the processors among them. */
function personalSystems(jobs: readonly JobRow[]) {
  const holding = jobs.filter((j) => j.state === 'done');
  const describe = (j: JobRow) => ({
    system: j.system_id,
    name: j.system.name,
    kind: j.system.kind,
    regions: j.system.regions,
  });
  return {
    systemsHoldingYourData: holding.map(describe),
    systemsWithoutYourData: jobs.filter((j) => j.state === 'not_found').map(describe),
    recipientsOfYourData: holding.filter((j) => j.system.kind === 'processor').map(describe),
    regionsOfYourData: [...new Set(holding.flatMap((j) => j.system.regions))],
  };
}

/** Art. 15(1)(a)-(h) and 15(2), taken from the notice the person was shown. */
function accessInformation(notice: NoticeDocument, jobs: readonly JobRow[]) {
  return {
    ...(jobs.length > 0 ? personalSystems(jobs) : {}),
    noticeVersion: notice.version,
    controller: notice.controller,
    purposesAndLegalBases: notice.processing.rows.map((row) => ({
      dataType: row.dataType,
      uses: row.uses,
      legalBases: row.legalBases,
      source: row.howObtained,
      apps: row.apps,
    })),
    categories: notice.categories,
    recipients: notice.sharing.cases,
    storageAndTransfers: notice.residency,
    retention: notice.retention,
    rights: notice.rights,
    complaint: notice.complaint,
    automatedDecisionMaking: notice.automatedDecisions ?? 'The notice makes no statement on automated decision-making.',
  };
}

/** One CSV cell: always quoted, spreadsheet formulas neutralised (the audit log's CSV uses it too). */
export const csvCell = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  // Quote always; double quotes inside; a leading formula character is neutralised for spreadsheet safety.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
};

/** The same export as CSV: one row per leaf value, `section,path,value`. */
export function exportToCsv(doc: ExportDocument): string {
  const lines = ['section,path,value'];
  const walk = (section: string, path: string, value: unknown): void => {
    if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) walk(section, path ? `${path}.${key}` : key, child);
    } else lines.push([csvCell(section), csvCell(path), csvCell(value)].join(','));
  };
  for (const [section, value] of Object.entries(doc)) walk(section, '', value);
  return `${lines.join('\r\n')}\r\n`;
}

const ExportCursor = z.tuple([z.iso.datetime(), z.number().check(z.int(), z.gte(0))]);

/**
 * Makes sure the export of one of the person's completed access or portability requests is stored. One past
 * its age was deleted by the retention job; it is generated again, as of now, when the person asks (and kept again).
 */
async function ensureStoredExport(
  db: Database,
  request: RightsRequest,
  userId: string,
  notice: NoticeDocument,
  now: Date,
): Promise<void> {
  const type = request.type;
  if (!hasExport(type)) {
    throw conflict(`A ${request.type} request has no export; only access and portability requests do.`, 'not-ready');
  }
  if (request.status !== 'completed')
    throw conflict(`The export is not ready: the request is ${request.status.replace('_', ' ')}.`, 'not-ready');
  if (await hasStoredExport(db, request.id)) return;
  await db.transaction(async (tx) => {
    const document = await buildExport(tx, { id: request.id, type }, userId, notice, now);
    await saveExportIfMissing(tx, request.id, document, now);
  });
}

/** The whole export document (the CSV download). */
export async function wholeExport(
  db: Database,
  request: RightsRequest,
  userId: string,
  notice: NoticeDocument,
  now: Date,
): Promise<ExportDocument> {
  await ensureStoredExport(db, request, userId, notice, now);
  return (await storedExport(db, request.id))!;
}

/**
 * The JSON export with one page of its consent records, sliced in the database so a page costs its own
 * size on the wire; `next` names the document (its `generatedAt`) and the offset, so a page of a document
 * regenerated meanwhile is refused instead of mixing two documents.
 */
export async function exportPage(
  db: Database,
  request: RightsRequest,
  userId: string,
  page: { cursor?: string | undefined; limit?: number | undefined },
  notice: NoticeDocument,
  now: Date,
): Promise<ExportPage> {
  const limit = page.limit ?? PAGE_LIMITS.exportConsents.default;
  const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor, ExportCursor, 'this export');
  await ensureStoredExport(db, request, userId, notice, now);
  const row = (await storedExportPage(db, request.id, after?.[1] ?? 0, limit))!;
  const doc = row.doc;
  if (after && after[0] !== doc.generatedAt) {
    throw conflict(
      'This export was generated again since its first page was read; start again from the first page (without a cursor).',
    );
  }
  const shown = (after?.[1] ?? 0) + row.consents.length;
  return {
    ...doc,
    consents: row.consents,
    next: shown < row.total ? encodeCursor([doc.generatedAt, shown]) : null,
  } as ExportPage;
}
