import type { Hono } from 'hono';
import { endpoints } from '../../shared/contract/endpoints.ts';
import type { Deps } from '../deps.ts';
import { bind, type Gate } from '../http/bind.ts';
import { audit } from '../services/audit.ts';
import { auditCsvOf, consentReport, requestReport } from '../services/reports.ts';

const noStore = { 'cache-control': 'no-store' };

/** The console's reports (issue 15, point 7): aggregates only, and the audit log as CSV. Each read is audited. */
export function registerReports(app: Hono, gate: Gate, deps: Deps): void {
  bind(app, gate, endpoints.adminConsentReport, async ({ operator }) => {
    const report = await consentReport(deps.db, deps.now());
    await audit(deps.db, operator, { action: 'report.consents', detail: { rows: report.rows.length } }, deps.now());
    return { status: 200, body: report, headers: noStore };
  });

  bind(app, gate, endpoints.adminRequestReport, async ({ operator, query }) => {
    const report = await requestReport(deps.db, query, deps.now());
    await audit(
      deps.db,
      operator,
      { action: 'report.requests', detail: { from: query.from ?? null, to: query.to ?? null } },
      deps.now(),
    );
    return { status: 200, body: report, headers: noStore };
  });

  bind(app, gate, endpoints.adminAuditCsv, async ({ operator, query }) => {
    const { csv, entries, from, to } = await auditCsvOf(deps.db, query, deps.now());
    // Written after the read, so the download's own entry is the next one's first line, never a partial file.
    await audit(deps.db, operator, { action: 'audit.download', detail: { from, to, entries } }, deps.now());
    return new Response(csv, {
      status: 200,
      headers: {
        ...noStore,
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="twikit-privacy-audit-${from}-${to}.csv"`,
      },
    });
  });
}
