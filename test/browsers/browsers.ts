// The two browsers the e2e suites drive, declared once: where to look for each, which Debian package brings it,
// and the oldest version that works. Never a downloaded browser: Debian's packages only (no internet beyond them).

export interface BrowserSpec {
  /** How people and messages name it. */
  name: string;
  /** The variable that points at another binary; when set, only that path counts. */
  env: string;
  /** The usual places, Debian's first. */
  paths: readonly string[];
  /** Debian's package. */
  debianPackage: string;
  /** The oldest major version the suite works with (read from `<binary> --version`), if it matters. */
  minMajor?: number;
  /** Why that version (said when an older one is found). */
  minReason?: string;
}

export const CHROMIUM: BrowserSpec = {
  name: 'Chromium',
  env: 'CHROME_PATH',
  paths: [
    '/usr/bin/chromium',
    '/usr/lib/chromium/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
  ],
  debianPackage: 'chromium',
};

export const FIREFOX: BrowserSpec = {
  name: 'Firefox ESR',
  env: 'FIREFOX_PATH',
  paths: [
    '/usr/bin/firefox-esr',
    '/usr/lib/firefox-esr/firefox-esr',
    '/usr/bin/firefox',
    '/usr/lib/firefox/firefox',
    '/opt/firefox/firefox',
  ],
  debianPackage: 'firefox-esr',
  // ESR 140 refuses the build (it asks for ≥ 142) and its WebDriver BiDi trips on the extension CSP; 153 works.
  minMajor: 153,
  minReason: 'the Firefox build and puppeteer-core 25 over WebDriver BiDi need it',
};

export const BROWSERS: readonly BrowserSpec[] = [CHROMIUM, FIREFOX];
