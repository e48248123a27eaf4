import type { ExportPreview } from '../../shared/contract/console.ts';
import type { NoticeDocument } from '../../shared/contract/notice.ts';
import { PURPOSE_REGISTRY, type PurposeEntry } from '../../shared/registry/purposes.ts';
import type { Sql } from '../db/database.ts';
import type { StoredRequest } from '../store/requests.ts';
import { buildExport } from './export.ts';

const SPECIAL: ReadonlySet<string> = new Set(
  (PURPOSE_REGISTRY as readonly PurposeEntry[]).filter((p) => p.specialCategory).map((p) => p.id),
);
/** Sections of body-scan data as systems deliver them (the fulfilment issue's per-system exports). */
const SCAN_SECTIONS = ['bodyScans', 'scans'];
const MASK = '[masked: body-scan data; needs the biometric role]';

/**
 * Hides body-scan data (R70; Art. 9 and 32): records of a special-category purpose keep only their id,
 * purpose and time, and any scan section is replaced whole. Returns the JSON Pointers of what was hidden.
 */
export function maskScans(document: Record<string, unknown>): { document: Record<string, unknown>; masked: string[] } {
  const masked: string[] = [];
  const out: Record<string, unknown> = { ...document };
  if (Array.isArray(document.consents)) {
    out.consents = document.consents.map((record: Record<string, unknown>, i: number) => {
      if (!SPECIAL.has(String(record.purpose))) return record;
      masked.push(`/consents/${i}`);
      return { id: record.id, purpose: record.purpose, recordedAt: record.recordedAt, masked: MASK };
    });
  }
  for (const key of SCAN_SECTIONS) {
    if (key in out) {
      out[key] = MASK;
      masked.push(`/${key}`);
    }
  }
  return { document: out, masked };
}

/** What an access export of the request's person would hold now, masked unless `seesScans`. */
export async function exportPreview(
  sql: Sql,
  request: StoredRequest,
  notice: NoticeDocument,
  seesScans: boolean,
  now: Date,
): Promise<ExportPreview> {
  const document = (await buildExport(sql, { id: request.id, type: 'access' }, request.userId, notice, now)) as Record<
    string,
    unknown
  >;
  return seesScans ? { document, masked: [] } : maskScans(document);
}
