import type { ExportPreview } from '../../shared/contract/console.ts';
import type { NoticeDocument } from '../../shared/contract/notice.ts';
import type { Sql } from '../db/database.ts';
import type { StoredRequest } from '../store/requests.ts';
import { buildExport } from './export.ts';

/** Sections of body-scan data as systems deliver them, at any depth (each system's part of the export). */
const SCAN_SECTIONS = ['bodyScans', 'scans'];
const MASK = '[masked: body-scan data; needs the biometric role]';

/**
 * Hides body-scan data (R70; Art. 9 and 32): records of a special-category purpose keep only their id,
 * purpose and time, and any scan section is replaced whole. Returns the JSON Pointers of what was hidden.
 */
export function maskScans(
  document: Record<string, unknown>,
  notice: NoticeDocument,
): { document: Record<string, unknown>; masked: string[] } {
  // The notice in force says which purposes are special-category (a new version may add one).
  const special = new Set(notice.purposes.filter((p) => p.specialCategory).map((p) => p.id));
  const masked: string[] = [];
  const out: Record<string, unknown> = { ...document };
  if (Array.isArray(document.consents)) {
    out.consents = document.consents.map((record: Record<string, unknown>, i: number) => {
      if (!special.has(String(record.purpose))) return record;
      masked.push(`/consents/${i}`);
      return { id: record.id, purpose: record.purpose, recordedAt: record.recordedAt, masked: MASK };
    });
  }
  const walk = (value: unknown, pointer: string): unknown => {
    if (Array.isArray(value)) return value.map((v, i) => walk(v, `${pointer}/${i}`));
    if (value === null || typeof value !== 'object') return value;
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (SCAN_SECTIONS.includes(key)) {
        copy[key] = MASK;
        masked.push(at);
      } else copy[key] = walk(inner, at);
    }
    return copy;
  };
  for (const [key, value] of Object.entries(out)) {
    if (key === 'consents') continue;
    if (SCAN_SECTIONS.includes(key)) {
      out[key] = MASK;
      masked.push(`/${key}`);
    } else out[key] = walk(value, `/${key}`);
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
  return seesScans ? { document, masked: [] } : maskScans(document, notice);
}
