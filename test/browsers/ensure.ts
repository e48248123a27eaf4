// Before any browser test: find Chromium and Firefox ESR; where one is missing (or too old) and apt-get can be
// used, install Debian's package; otherwise stop at once with the one command to run. Every decision goes
// through `Machine`, so the unit test plays each case (found, installable, not installable, too old) without
// touching this machine.
import { BROWSERS, type BrowserSpec } from './browsers.ts';
import { findBrowser, type Found, type Probe } from './find.ts';

export interface Machine extends Probe {
  env: Record<string, string | undefined>;
  /** Whether apt-get is on the PATH, and how to run it: '' as root, 'sudo ' with passwordless sudo, else null. */
  apt(): { present: boolean; prefix: '' | 'sudo ' | null };
  /** Runs a shell command in the foreground; true when it exits 0. */
  run(command: string): boolean;
  log(line: string): void;
}

/** Why the browser tests cannot start, with what to do. */
export class BrowserSetupError extends Error {
  override name = 'BrowserSetupError';
}

export type Located = Record<string, { path: string; version: string | null }>;

/** Set to 1 to never install: report what is missing and stop (CI machines that must come prepared). */
export const NO_INSTALL_ENV = 'NO_BROWSER_INSTALL';

/** Debian's packages for `specs`, in one apt-get line; `prefix` is '' as root, 'sudo ' otherwise. */
export function aptCommand(specs: readonly BrowserSpec[], prefix: '' | 'sudo '): string {
  const packages = specs.map((s) => s.debianPackage).join(' ');
  return `${prefix}apt-get update && ${prefix}DEBIAN_FRONTEND=noninteractive apt-get install -y ${packages}`;
}

function problem(spec: BrowserSpec, found: Found): string {
  if (found.kind === 'bad-env')
    return `${spec.env} is "${found.value}", which does not exist: point it at a ${spec.name} binary, or unset it.`;
  if (found.kind === 'too-old') {
    return `${spec.name} at ${found.path} is ${found.version}, older than ${spec.minMajor} (${spec.minReason}).`;
  }
  if (found.kind === 'missing') return `${spec.name} is missing (looked at ${spec.env}, ${spec.paths.join(', ')}).`;
  return '';
}

export function ensureBrowsers(machine: Machine, specs: readonly BrowserSpec[] = BROWSERS): Located {
  const find = () => specs.map((spec) => ({ spec, found: findBrowser(spec, machine.env, machine) }));
  let results = find();
  // A variable that points at the wrong thing is the person's to fix: a package would not change where it points.
  const byEnv = results.filter(
    ({ spec, found }) => found.kind === 'bad-env' || (found.kind === 'too-old' && machine.env[spec.env]),
  );
  if (byEnv.length) {
    const lines = byEnv.map(({ spec, found }) =>
      found.kind === 'too-old'
        ? `${problem(spec, found)} Point ${spec.env} at a newer one, or unset it.`
        : problem(spec, found),
    );
    throw new BrowserSetupError(lines.join('\n'));
  }

  const needed = results.filter(({ found }) => found.kind !== 'found');
  if (needed.length) {
    const apt = machine.apt();
    const forbidden = machine.env[NO_INSTALL_ENV] === '1';
    const lines = needed.map(({ spec, found }) => problem(spec, found));
    const neededSpecs = needed.map(({ spec }) => spec);
    if (!apt.present) {
      throw new BrowserSetupError(
        [
          ...lines,
          `No apt-get here: install ${neededSpecs.map((s) => s.name).join(' and ')} and set ${neededSpecs.map((s) => s.env).join(' / ')}.`,
        ].join('\n'),
      );
    }
    if (apt.prefix === null || forbidden) {
      const why = forbidden ? `${NO_INSTALL_ENV}=1 forbids installing` : 'installing needs root or passwordless sudo';
      throw new BrowserSetupError(
        [...lines, `${why}; run:`, `  ${aptCommand(neededSpecs, apt.prefix ?? 'sudo ')}`].join('\n'),
      );
    }
    const command = aptCommand(neededSpecs, apt.prefix);
    machine.log(
      [...lines, `Installing Debian's ${neededSpecs.map((s) => s.debianPackage).join(' and ')}: ${command}`].join('\n'),
    );
    if (!machine.run(command))
      throw new BrowserSetupError(
        `${command} failed (its output is above); fix that, or set ${neededSpecs.map((s) => s.env).join(' / ')}.`,
      );
    results = find();
    const still = results.filter(({ found }) => found.kind !== 'found');
    if (still.length) {
      throw new BrowserSetupError(
        [
          ...still.map(({ spec, found }) => problem(spec, found)),
          `even after ${command}: check that apt's sources include Debian's security updates, or set ${still.map(({ spec }) => spec.env).join(' / ')}.`,
        ].join('\n'),
      );
    }
  }
  const located: Located = {};
  for (const { spec, found } of results)
    if (found.kind === 'found') located[spec.name] = { path: found.path, version: found.version };
  return located;
}
