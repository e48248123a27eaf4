// Finds one browser: its variable if set (and only that), else the first usual path that exists and is new enough.
import type { BrowserSpec } from './browsers.ts';

/** What finding needs from the machine (injected, so the decisions are unit-tested without one). */
export interface Probe {
  exists(path: string): boolean;
  /** `<binary> --version`'s output, or null when it does not run. */
  version(path: string): string | null;
}

export type Found =
  | { kind: 'found'; path: string; version: string | null }
  /** Set by its variable, but no such file: installing would not help. */
  | { kind: 'bad-env'; value: string }
  | { kind: 'missing' }
  /** Only versions older than the spec's minimum (the newest of them is named). */
  | { kind: 'too-old'; path: string; version: string };

/** The first dotted number in a `--version` line ("Mozilla Firefox 153.8.0esr" → 153). */
export function majorOf(version: string | null): number | null {
  const match = version && /(\d+)\.\d+/.exec(version);
  return match ? Number(match[1]) : null;
}

export function findBrowser(spec: BrowserSpec, env: Record<string, string | undefined>, probe: Probe): Found {
  const fromEnv = env[spec.env];
  const candidates = fromEnv ? [fromEnv] : spec.paths;
  if (fromEnv && !probe.exists(fromEnv)) return { kind: 'bad-env', value: fromEnv };
  let tooOld: Extract<Found, { kind: 'too-old' }> | null = null;
  for (const path of candidates) {
    if (!probe.exists(path)) continue;
    if (spec.minMajor === undefined) return { kind: 'found', path, version: null };
    const version = probe.version(path);
    const major = majorOf(version);
    if (major !== null && major >= spec.minMajor) return { kind: 'found', path, version };
    tooOld ??= { kind: 'too-old', path, version: version ?? '(no version: `--version` failed)' };
  }
  return tooOld ?? { kind: 'missing' };
}
