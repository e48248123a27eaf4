import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRODUCTION_API_BASES } from '../../extension/api-bases.ts';
import { buildExtension, type ExtensionBuild } from './extension-fixture.ts';

/** Warnings addons-linter may raise, each explained in the README's extension section (by its code). */
const EXPLAINED_WARNINGS = new Set(['UNSAFE_VAR_ASSIGNMENT']);

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

describe('the Firefox build', () => {
  let build: ExtensionBuild;
  beforeAll(() => {
    build = buildExtension('firefox', PRODUCTION_API_BASES.eea);
  });
  afterAll(() => build?.dispose());

  it('R72: addons-linter 10.13.0 finds zero errors, and every warning is one the README explains', () => {
    const result = spawnSync(process.execPath, ['node_modules/addons-linter/bin/addons-linter', build.dir, '--output', 'json'], { encoding: 'utf8' });
    const report = JSON.parse(result.stdout) as { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };
    expect(JSON.parse(readFileSync('node_modules/addons-linter/package.json', 'utf8')).version).toBe('10.13.0');
    expect(report.errors).toEqual([]);
    const readme = readFileSync('README.md', 'utf8');
    for (const warning of report.warnings) {
      expect(EXPLAINED_WARNINGS.has(warning.code), `unexplained warning ${warning.code}: ${warning.message} (${warning.file})`).toBe(true);
      expect(readme).toContain(warning.code);
    }
  });

  it('R73: carries background.scripts and the gecko settings, and the same minimal permissions', () => {
    const m = build.manifest;
    expect(m.background.scripts).toHaveLength(1);
    expect(m.background.service_worker).toBeUndefined();
    expect(m.browser_specific_settings.gecko.id).toBe('privacy-extension@twikit.com');
    expect([...m.permissions].sort()).toEqual(['alarms', 'notifications', 'storage']);
    expect(m.host_permissions).toEqual(['https://privacy-api.eu.twikit.com/*']);
  });
});
