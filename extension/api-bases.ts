// Which rights API the extension talks to, per region (R5: where a person's data is stored depends on where
// they live). Fixed at build time: the manifest must name every host the extension may reach, and an
// extension that could be pointed anywhere at run time would need `<all_urls>`-like host permissions (R73).
import type { Region } from '../shared/contract/common.ts';

export type ApiBases = Record<Region, string>;

/** Production endpoints. Product teams build against their own with `TWIKIT_API_BASE` or the per-region variables. */
export const PRODUCTION_API_BASES: ApiBases = {
  eea: 'https://privacy-api.eu.twikit.com',
  us_ca: 'https://privacy-api.us.twikit.com',
};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A clear error for a bad API base: https, or http on this machine only (a development server). */
export function checkApiBase(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name}: "${value}" is not a URL (e.g. https://privacy-api.eu.twikit.com).`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new Error(`${name}: "${value}" must use https (plain http is allowed for 127.0.0.1 and localhost only).`);
  }
  if (url.pathname !== '/' || url.search || url.hash)
    throw new Error(`${name}: "${value}" must be an origin only, without a path.`);
  return url.origin;
}

/**
 * Reads `TWIKIT_API_BASE` (every region) and `TWIKIT_API_EEA` / `TWIKIT_API_US_CA` (one region each) from
 * the build environment; a region without either gets its production endpoint.
 */
export function apiBasesFromEnv(env: Record<string, string | undefined>): ApiBases {
  const pick = (region: Region, variable: string): string => {
    const value = env[variable] ?? env.TWIKIT_API_BASE;
    if (!value) return PRODUCTION_API_BASES[region];
    return checkApiBase(env[variable] ? variable : 'TWIKIT_API_BASE', value);
  };
  return { eea: pick('eea', 'TWIKIT_API_EEA'), us_ca: pick('us_ca', 'TWIKIT_API_US_CA') };
}
