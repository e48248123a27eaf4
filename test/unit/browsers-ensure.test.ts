import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, FIREFOX } from '../browsers/browsers.ts';
import { BrowserSetupError, ensureBrowsers, type Machine } from '../browsers/ensure.ts';
import { majorOf } from '../browsers/find.ts';

/** A pretend machine: which binaries exist (and their `--version`), whether apt can be used, what installing brings. */
function machine(options: {
  binaries?: Record<string, string>;
  env?: Record<string, string>;
  apt?: ReturnType<Machine['apt']>;
  installs?: Record<string, string>;
  installSucceeds?: boolean;
}) {
  const binaries = new Map(Object.entries(options.binaries ?? {}));
  const ran: string[] = [];
  const logged: string[] = [];
  const m: Machine = {
    env: options.env ?? {},
    exists: (path) => binaries.has(path),
    version: (path) => binaries.get(path) || null,
    apt: () => options.apt ?? { present: true, prefix: '' },
    run(command) {
      ran.push(command);
      for (const [path, version] of Object.entries(options.installs ?? {})) binaries.set(path, version);
      return options.installSucceeds ?? true;
    },
    log: (line) => void logged.push(line),
  };
  return { m, ran, logged };
}

const ESR_153 = 'Mozilla Firefox 153.8.0esr';
const both = { '/usr/bin/chromium': 'Chromium 141.0', '/usr/bin/firefox-esr': ESR_153 };
const failure = (fn: () => unknown): BrowserSetupError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof BrowserSetupError) return error;
    throw error;
  }
  throw new Error('expected a BrowserSetupError');
};

describe('finding the browsers before the browser tests', () => {
  it("uses Debian's binaries when both are there, and installs nothing", () => {
    const { m, ran } = machine({ binaries: both });
    expect(ensureBrowsers(m)).toEqual({
      Chromium: { path: '/usr/bin/chromium', version: null },
      'Firefox ESR': { path: '/usr/bin/firefox-esr', version: ESR_153 },
    });
    expect(ran).toEqual([]);
  });

  it('takes CHROME_PATH and FIREFOX_PATH before the usual paths', () => {
    const { m } = machine({
      binaries: { ...both, '/opt/c/chrome': '', '/opt/f/firefox': 'Mozilla Firefox 154.0' },
      env: { CHROME_PATH: '/opt/c/chrome', FIREFOX_PATH: '/opt/f/firefox' },
    });
    const located = ensureBrowsers(m);
    expect([located.Chromium!.path, located['Firefox ESR']!.path]).toEqual(['/opt/c/chrome', '/opt/f/firefox']);
  });

  it('finds a browser at another usual path', () => {
    const { m } = machine({
      binaries: { '/usr/bin/chromium-browser': '', '/usr/lib/firefox-esr/firefox-esr': ESR_153 },
    });
    expect(Object.values(ensureBrowsers(m)).map((b) => b.path)).toEqual([
      '/usr/bin/chromium-browser',
      '/usr/lib/firefox-esr/firefox-esr',
    ]);
  });

  it("installs only the missing one with Debian's package when it runs as root, then uses it", () => {
    const { m, ran, logged } = machine({
      binaries: { '/usr/bin/chromium': '' },
      installs: { '/usr/bin/firefox-esr': ESR_153 },
    });
    expect(ensureBrowsers(m)['Firefox ESR']).toEqual({ path: '/usr/bin/firefox-esr', version: ESR_153 });
    expect(ran).toEqual(['apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y firefox-esr']);
    expect(logged.join('\n')).toContain('Firefox ESR is missing');
  });

  it('installs both in one apt-get run through passwordless sudo', () => {
    const { m, ran } = machine({ apt: { present: true, prefix: 'sudo ' }, installs: both });
    expect(Object.keys(ensureBrowsers(m))).toEqual(['Chromium', 'Firefox ESR']);
    expect(ran).toEqual([
      'sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y chromium firefox-esr',
    ]);
  });

  it('stops at once, naming the one command, when it may not install (no root, no passwordless sudo)', () => {
    const { m, ran } = machine({ binaries: { '/usr/bin/firefox-esr': ESR_153 }, apt: { present: true, prefix: null } });
    const error = failure(() => ensureBrowsers(m));
    expect(error.message).toContain('Chromium is missing (looked at CHROME_PATH, /usr/bin/chromium,');
    expect(error.message).toContain(
      '\n  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y chromium',
    );
    expect(error.message).not.toContain('firefox-esr');
    expect(ran).toEqual([]);
  });

  it('stops without installing when NO_BROWSER_INSTALL=1, even as root', () => {
    const { m, ran } = machine({ env: { NO_BROWSER_INSTALL: '1' } });
    const error = failure(() => ensureBrowsers(m));
    expect(error.message).toContain(
      'NO_BROWSER_INSTALL=1 forbids installing; run:\n  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium firefox-esr',
    );
    expect(ran).toEqual([]);
  });

  it('says so when there is no apt-get at all', () => {
    const { m } = machine({ binaries: { '/usr/bin/chromium': '' }, apt: { present: false, prefix: '' } });
    expect(failure(() => ensureBrowsers(m)).message).toContain(
      'No apt-get here: install Firefox ESR and set FIREFOX_PATH.',
    );
  });

  it('stops when a variable points at nothing, instead of installing what would not be used', () => {
    const { m, ran } = machine({ binaries: both, env: { CHROME_PATH: '/nope/chromium' } });
    expect(failure(() => ensureBrowsers(m)).message).toBe(
      'CHROME_PATH is "/nope/chromium", which does not exist: point it at a Chromium binary, or unset it.',
    );
    expect(ran).toEqual([]);
  });

  it("refuses a Firefox older than 153, and upgrades Debian's package where it can", () => {
    const old = machine({
      binaries: { '/usr/bin/chromium': '', '/usr/bin/firefox-esr': 'Mozilla Firefox 140.5.0esr' },
      apt: { present: true, prefix: null },
    });
    expect(failure(() => ensureBrowsers(old.m)).message).toContain(
      'Firefox ESR at /usr/bin/firefox-esr is Mozilla Firefox 140.5.0esr, older than 153',
    );

    const upgradable = machine({
      binaries: { '/usr/bin/chromium': '', '/usr/bin/firefox-esr': 'Mozilla Firefox 140.5.0esr' },
      installs: { '/usr/bin/firefox-esr': ESR_153 },
    });
    expect(ensureBrowsers(upgradable.m)['Firefox ESR']!.version).toBe(ESR_153);
    expect(upgradable.ran).toEqual(['apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y firefox-esr']);

    const stuck = machine({
      binaries: { '/usr/bin/chromium': '', '/usr/bin/firefox-esr': 'Mozilla Firefox 140.5.0esr' },
    });
    expect(failure(() => ensureBrowsers(stuck.m)).message).toContain('even after apt-get update');
  });

  it('prefers a new-enough Firefox at a later path to an old one at the first', () => {
    const { m } = machine({
      binaries: {
        '/usr/bin/chromium': '',
        '/usr/bin/firefox-esr': 'Mozilla Firefox 140.5.0esr',
        '/usr/bin/firefox': 'Mozilla Firefox 155.0',
      },
    });
    expect(ensureBrowsers(m)['Firefox ESR']!.path).toBe('/usr/bin/firefox');
  });

  it('refuses an old Firefox that FIREFOX_PATH names, without installing (the variable would still win)', () => {
    const { m, ran } = machine({
      binaries: { ...both, '/opt/old/firefox': 'Mozilla Firefox 128.3.0esr' },
      env: { FIREFOX_PATH: '/opt/old/firefox' },
    });
    expect(failure(() => ensureBrowsers(m)).message).toMatch(
      /^Firefox ESR at \/opt\/old\/firefox is Mozilla Firefox 128.3.0esr, older than 153 .* Point FIREFOX_PATH at a newer one, or unset it.$/,
    );
    expect(ran).toEqual([]);
  });

  it('stops when the install fails, naming the command', () => {
    const { m } = machine({ installSucceeds: false });
    expect(failure(() => ensureBrowsers(m)).message).toMatch(/^apt-get update && .* failed/);
  });

  it('reads the major version from --version lines', () => {
    expect([
      majorOf(ESR_153),
      majorOf('Mozilla Firefox 140.5.0esr'),
      majorOf('Chromium 141.0.7390.54 built on Debian'),
      majorOf(''),
      majorOf(null),
    ]).toEqual([153, 140, 141, null, null]);
    expect([CHROMIUM.env, FIREFOX.env, FIREFOX.minMajor]).toEqual(['CHROME_PATH', 'FIREFOX_PATH', 153]);
  });

  it('the real script stops at once with the message when CHROME_PATH points at nothing', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'test/browsers/run.ts'], {
      encoding: 'utf8',
      env: { ...process.env, CHROME_PATH: '/nonexistent/chromium', NO_BROWSER_INSTALL: '1' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('CHROME_PATH is "/nonexistent/chromium", which does not exist');
  });
});
