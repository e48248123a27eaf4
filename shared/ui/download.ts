import type { ExportFormat } from '../contract/requests.ts';

/** The file name of a request's export, e.g. `twikit-privacy-export-<id>.json`. */
export const exportFileName = (id: string, format: ExportFormat): string => `twikit-privacy-export-${id}.${format}`;

// Long enough for every browser to have started the download before the URL stops resolving (FileSaver.js uses 40 s).
const REVOKE_AFTER_MS = 40_000;

/** Saves a Blob as a file: an object URL behind a temporary `<a download>`, clicked once and removed. */
export function saveBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
