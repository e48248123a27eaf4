import type { ExportDocument, RightsRequest } from '../../shared/contract/requests.ts';
import type { Sql } from '../db/database.ts';

export interface AccountRow {
  id: string;
  email: string | null;
  host_subject: string | null;
  region: string | null;
  created_at: Date;
}

export interface RequestSummaryRow {
  id: string;
  type: RightsRequest['type'];
  status: RightsRequest['status'];
  received_at: Date;
  due_at: string;
  input: unknown;
}

/** The account and every request of `userId`, oldest request first: what an export shows besides consents. */
export async function exportSubject(
  sql: Sql,
  userId: string,
): Promise<{ account: AccountRow | undefined; requests: RequestSummaryRow[] }> {
  const [account] = await sql.query<AccountRow>(
    'select id, email, host_subject, region, created_at from users where id = $1',
    [userId],
  );
  const requests = await sql.query<RequestSummaryRow>(
    'select id, type, status, received_at, due_at::text as due_at, input from rights_requests where user_id = $1 order by received_at',
    [userId],
  );
  return { account, requests };
}

/** Stores the export of a request (replacing any earlier one), generated at `at`. */
export async function saveExport(tx: Sql, id: string, document: ExportDocument, at: Date): Promise<void> {
  await tx.query('update rights_requests set export_document = $2, export_generated_at = $3 where id = $1', [
    id,
    JSON.stringify(document),
    at.toISOString(),
  ]);
}

/** Stores the export only when none is stored (another call may have just stored one). */
export async function saveExportIfMissing(tx: Sql, id: string, document: ExportDocument, at: Date): Promise<void> {
  await tx.query(
    'update rights_requests set export_document = $2, export_generated_at = $3 where id = $1 and export_document is null',
    [id, JSON.stringify(document), at.toISOString()],
  );
}

export async function hasStoredExport(sql: Sql, id: string): Promise<boolean> {
  const [row] = await sql.query<{ present: boolean }>(
    'select export_document is not null as present from rights_requests where id = $1',
    [id],
  );
  return row?.present ?? false;
}

export async function storedExport(sql: Sql, id: string): Promise<ExportDocument | undefined> {
  const [row] = await sql.query<{ export_document: ExportDocument }>(
    'select export_document from rights_requests where id = $1',
    [id],
  );
  return row?.export_document;
}

/**
 * The stored export without its consent records, how many it holds, and the ones after `offset` (at most
 * `limit`): sliced in the database (jsonb functions), so a page costs its own size on the wire.
 */
export async function storedExportPage(
  sql: Sql,
  id: string,
  offset: number,
  limit: number,
): Promise<{ doc: Omit<ExportDocument, 'consents'>; consents: ExportDocument['consents']; total: number } | undefined> {
  const [row] = await sql.query<{
    doc: Omit<ExportDocument, 'consents'>;
    consents: ExportDocument['consents'];
    total: number;
  }>(
    `select export_document - 'consents' as doc, jsonb_array_length(export_document->'consents') as total,
       (select coalesce(jsonb_agg(e order by i), '[]'::jsonb) from jsonb_array_elements(export_document->'consents') with ordinality t(e, i)
         where i > $2 and i <= $2 + $3) as consents
     from rights_requests where id = $1`,
    [id, offset, limit],
  );
  return row;
}
