// Bytes a host page ships for consent controls: ours from the built widget (`measureWidget`), each peer from
// the files its first visit loads, as installed from npm. Compressed like bench/size.ts (gzip 9, brotli 11).
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { heaviestLanguage, measureWidget, type Size } from './size.ts';
import { installedVersion, type Target } from './targets.ts';

export interface SizeRow {
  label: string;
  version: string;
  /** What a first visit loads before anyone opens the controls. */
  firstLoad: Size;
  /** What a new visitor's first page view loads in English, the first layer opening by itself (ours: plus the panel). */
  newVisitor: Size;
  /** Everything the package ships for the browser (ours: with the panel and all language files). */
  whole: Size;
  /** Ours: the whole widget as one person fetches it, for the heaviest language (issue 16's budget). */
  oneLanguage?: Size;
  files: string[];
}

const sizeOf = (bytes: Buffer): Size => ({
  min: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

const sum = (sizes: Size[]): Size =>
  sizes.reduce((a, b) => ({ min: a.min + b.min, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), {
    min: 0,
    gzip: 0,
    brotli: 0,
  });

// Our language chunks other than English (the build names them twikit-privacy-<lang>-<hash>.js); a visitor
// loads at most one of them, and an English one none.
const OTHER_LANGUAGE = /-(nl|fr|de)-[\w-]+\.js$/;

/** Our widget (from `widgetDir`) and each peer with npm files. Peers load everything on the first visit. */
export function measureSizes(widgetDir: string, peers: Target[]): SizeRow[] {
  const ours = measureWidget(widgetDir);
  const rows: SizeRow[] = [
    {
      label: 'Twikit widget',
      version: installedVersion('.'),
      firstLoad: ours.firstLoad,
      whole: ours.whole,
      oneLanguage: heaviestLanguage(ours),
      newVisitor: sum(ours.files.filter((f) => !OTHER_LANGUAGE.test(f.file))),
      files: ours.files.map((f) => f.file),
    },
  ];
  for (const peer of peers) {
    if (!peer.npm) continue;
    const total = sum(peer.npm.files.map((file) => sizeOf(readFileSync(`node_modules/${peer.npm!.name}/${file}`))));
    rows.push({
      label: peer.npm.name,
      version: installedVersion(peer.npm.name),
      firstLoad: total,
      newVisitor: total,
      whole: total,
      files: peer.npm.files,
    });
  }
  return rows;
}
