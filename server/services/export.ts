import type { ExportDocument, RightsRequest } from '../../shared/contract/requests.ts';
import type { NoticeDocument } from '../../shared/contract/notice.ts';
import type { Sql } from '../db/database.ts';
import { history } from './consents.ts';

/**
 * Everything the service holds on `userId`, as of `now`. Access exports add the Art. 15(1)(a)-(h) and 15(2)
 * information from the notice; portability exports carry only provided and observed data (Art. 20; WP242).
 */
export async function buildExport(sql: Sql, request: { id: string; type: 'access' | 'portability' }, userId: string, notice: NoticeDocument, now: Date): Promise<ExportDocument> {
  const [user] = await sql.query<{ id: string; email: string | null; host_subject: string | null; region: string | null; created_at: Date }>(
    'select id, email, host_subject, region, created_at from users where id = $1',
    [userId],
  );
  if (!user) throw new Error(`export for a missing user ${userId}`);
  const requests = await sql.query<{ id: string; type: RightsRequest['type']; status: RightsRequest['status']; received_at: Date; due_at: string; input: unknown }>(
    'select id, type, status, received_at, due_at::text as due_at, input from rights_requests where user_id = $1 order by received_at',
    [userId],
  );
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
    requests: requests.map((r) => ({ id: r.id, type: r.type, status: r.status, receivedAt: new Date(r.received_at).toISOString(), dueAt: r.due_at, input: r.input })),
    ...(request.type === 'access' ? { information: accessInformation(notice) } : {}),
  };
}

/** Art. 15(1)(a)-(h) and 15(2), taken from the notice the person was shown. */
function accessInformation(notice: NoticeDocument) {
  return {
    noticeVersion: notice.version,
    controller: notice.controller,
    purposesAndLegalBases: notice.processing.rows.map((row) => ({ dataType: row.dataType, uses: row.uses, legalBases: row.legalBases, source: row.howObtained, apps: row.apps })),
    categories: notice.categories,
    recipients: notice.sharing.cases,
    storageAndTransfers: notice.residency,
    retention: notice.retention,
    rights: notice.rights,
    complaint: notice.complaint,
    automatedDecisionMaking: notice.automatedDecisions ?? 'The notice makes no statement on automated decision-making.',
  };
}

const cell = (value: unknown): string => {
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
    } else lines.push([cell(section), cell(path), cell(value)].join(','));
  };
  for (const [section, value] of Object.entries(doc)) walk(section, '', value);
  return lines.join('\r\n') + '\r\n';
}
