// The release's Subresource Integrity hashes (R65), written beside the scripts at build time: `integrity.json`
// names the versioned, immutable URL of the loader and the sha384 of every file, so a page can pin exactly the
// script it reviewed (`<script src=".../widget/v<version>/twikit-privacy.js" integrity="sha384-…"
// crossorigin="anonymous">`). Build-time only: nothing here ships.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/** `sha384-<base64>` of `bytes`, as the `integrity` attribute wants it. */
export const sri = (bytes: Uint8Array): string => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** The path the release is served under for good: `/widget/v<version>/`. */
export const versionedPath = (version: string): string => `/widget/v${version}/`;

/** Writes `integrity.json` into `dir`: the version, the loader's versioned path and integrity, and every script's. */
export function writeIntegrity(dir: string, version: string): void {
  const files = Object.fromEntries(
    readdirSync(dir)
      .filter((name) => name.endsWith('.js'))
      .sort()
      .map((name) => [name, sri(readFileSync(`${dir}/${name}`))]),
  );
  const loader = files['twikit-privacy.js'];
  if (!loader) throw new Error('widget build: no twikit-privacy.js to hash');
  const body = { version, script: `${versionedPath(version)}twikit-privacy.js`, integrity: loader, files };
  writeFileSync(`${dir}/integrity.json`, `${JSON.stringify(body, null, 2)}\n`);
}
