import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { renderWidgetTypes } from '../../widget/types-file.ts';

// A host project written in TypeScript: the shipped d.ts on its own, strict mode, the DOM lib.
const dir = mkdtempSync(join(tmpdir(), 'tp-types-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'twikit-privacy.d.ts'), renderWidgetTypes());

function compile(host: string): string[] {
  const file = join(dir, `host-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, host);
  const program = ts.createProgram([file, join(dir, 'twikit-privacy.d.ts')], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    skipLibCheck: false,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('the JS API types shipped to host pages (twikit-privacy.d.ts)', () => {
  it('type-check a host page that uses the API and its events, with nothing else from the repo', () => {
    const errors = compile(`
      import type { ChangeDetail, InitOptions, TwikitPrivacyApi } from './twikit-privacy';
      const options: InitOptions = { app: 'twikfit', region: 'eea', lang: 'nl', getToken: async () => 'token' };
      const api = window.TwikitPrivacy as TwikitPrivacyApi;
      api.init(options);
      const mayScan: boolean | undefined = api.get('biometric_scans');
      const off: () => void = api.subscribe('*', (detail: ChangeDetail) => console.log(detail.purpose, detail.active));
      api.open('requests');
      void api.requestConsent('biometric_scans').then((granted: boolean) => granted);
      document.addEventListener('twikit-privacy:change', (event) => { const active: boolean = event.detail.active; });
      void mayScan; off();
    `);
    expect(errors).toEqual([]);
  });

  it('catch a misspelt view at compile time, and take any purpose id: the notice in force defines the purposes', () => {
    const errors = compile(`
      import type { PurposeId, TwikitPrivacyApi } from './twikit-privacy';
      const api = window.TwikitPrivacy as TwikitPrivacyApi;
      // A purpose a newer notice version adds is asked for by the host before this d.ts knows it (issue 13.1).
      api.get('newsletter');
      const known: PurposeId = 'biometric_scans';
      void known;
      api.open('settings');
    `);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('settings');
  });
});
