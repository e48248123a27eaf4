import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createWidgetFiles } from '../../server/http/widget-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'tp-widget-files-'));
writeFileSync(join(dir, 'twikit-privacy.js'), 'void 0;');
writeFileSync(join(dir, 'integrity.json'), JSON.stringify({ version: '1.2.3' }));
const serve = createWidgetFiles(dir);
const get = (path: string) => serve(new Request(`https://privacy.example${path}`));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the widget files', () => {
  it('R65: the release is also served from /widget/v<version>/, cached for good, to any origin', async () => {
    const pinned = await get('/widget/v1.2.3/twikit-privacy.js');
    expect(pinned?.status).toBe(200);
    expect(pinned?.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(pinned?.headers.get('access-control-allow-origin')).toBe('*');
    expect(await pinned?.text()).toBe('void 0;');
    expect((await get('/widget/v1.2.3/integrity.json'))?.status).toBe(200);
    // the unversioned name may change with the next release: a short cache
    expect((await get('/widget/twikit-privacy.js'))?.headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('R65: another version, or a folder below the version, is not a widget file', async () => {
    expect(await get('/widget/v1.2.2/twikit-privacy.js')).toBeNull();
    expect(await get('/widget/v1.2.3/sub/twikit-privacy.js')).toBeNull();
  });
});
