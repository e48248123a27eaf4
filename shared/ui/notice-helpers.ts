import type { AppId, Region } from '../contract/common.ts';
import type { NoticeDocument, ProcessingRow } from '../contract/notice.ts';

/** The processing rows with those of the current app first, otherwise in the notice's order (stable). */
export function rowsForApp(rows: readonly ProcessingRow[], app: AppId | undefined): ProcessingRow[] {
  if (!app) return [...rows];
  return [...rows.filter((r) => r.apps.includes(app)), ...rows.filter((r) => !r.apps.includes(app))];
}

/** A row's uses on one line; a list the notice leaves open ends in "…". */
export function usesText(row: ProcessingRow): string {
  const uses = row.uses.map((use) => use.replace(/[.…\s]+$/, '')).join('; ');
  return row.usesOpenEnded ? `${uses} …` : uses;
}

/** Where this person's data is stored, when their region is known (R5). */
export function residencyFor(
  notice: NoticeDocument,
  region: Region | undefined,
): NoticeDocument['residency']['regions'][number] | null {
  return notice.residency.regions.find((r) => r.region === region) ?? null;
}
