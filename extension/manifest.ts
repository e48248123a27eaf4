// The built manifest: the top-level manifest.json plus what depends on the target browser and on the API
// hosts fixed at build time. Pure, so the permission rules are unit-tested without a build (R73).
import type { ApiBases } from './api-bases.ts';

export type Browser = 'chrome' | 'firefox';

/** The add-on id Firefox signs and updates under; also the key of its local storage. */
export const GECKO_ID = 'privacy-extension@twikit.com';

export interface ManifestJson {
  manifest_version: 3;
  name: string;
  version: string;
  permissions: string[];
  host_permissions: string[];
  background: { service_worker: string; type?: 'module' };
  [key: string]: unknown;
}

/** The only API permissions the extension uses: its settings and cache, the poll, and status notifications. */
export const PERMISSIONS = ['storage', 'alarms', 'notifications'] as const;

/** Match patterns for the API hosts: scheme and host, any port (a development server's port varies). */
export function hostPermissions(apiBases: ApiBases): string[] {
  const patterns = Object.values(apiBases).map((base) => {
    const url = new URL(base);
    return `${url.protocol}//${url.hostname}/*`;
  });
  return [...new Set(patterns)].sort();
}

export function buildManifest(base: ManifestJson, options: { browser: Browser; apiBases: ApiBases }): ManifestJson {
  const unexpected = base.permissions.filter((p) => !(PERMISSIONS as readonly string[]).includes(p));
  if (unexpected.length)
    throw new Error(`manifest.json asks for permissions the extension does not use: ${unexpected.join(', ')}`);
  const manifest: ManifestJson = { ...base, host_permissions: hostPermissions(options.apiBases) };
  if (options.browser === 'chrome') {
    // No web page and no other extension may message this one: it listens to neither (R73).
    manifest.externally_connectable = { ids: [], matches: [] };
    return manifest;
  }
  // Firefox runs MV3 background code as an event page: `scripts`, not `service_worker`.
  const { service_worker, type } = base.background;
  return {
    ...manifest,
    background: { scripts: [service_worker], ...(type ? { type } : {}) } as unknown as ManifestJson['background'],
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '142.0',
        // Sent to Twikit's rights API: the e-mail address to sign in with, and the sign-in code.
        data_collection_permissions: { required: ['personallyIdentifyingInfo', 'authenticationInfo'] },
      },
    },
  };
}
