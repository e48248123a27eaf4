import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiBasesFromEnv, PRODUCTION_API_BASES } from '../../../extension/api-bases.ts';
import { buildManifest, hostPermissions, type ManifestJson } from '../../../extension/manifest.ts';

const base = JSON.parse(readFileSync(new URL('../../../manifest.json', import.meta.url), 'utf8')) as ManifestJson;

describe('the built manifest', () => {
  it('R73: asks for storage, alarms and notifications, and the two production API hosts only', () => {
    const m = buildManifest(base, { browser: 'chrome', apiBases: PRODUCTION_API_BASES });
    expect([...m.permissions].sort()).toEqual(['alarms', 'notifications', 'storage']);
    expect(m.host_permissions).toEqual(['https://privacy-api.eu.twikit.com/*', 'https://privacy-api.us.twikit.com/*']);
    expect(m).not.toHaveProperty('content_scripts');
    expect(m).not.toHaveProperty('content_security_policy');
    expect(m).not.toHaveProperty('optional_host_permissions');
    expect(m.externally_connectable).toEqual({ ids: [], matches: [] });
  });

  it('R73: refuses to build when manifest.json asks for a permission the extension does not use', () => {
    expect(() =>
      buildManifest(
        { ...base, permissions: [...base.permissions, 'tabs'] },
        { browser: 'chrome', apiBases: PRODUCTION_API_BASES },
      ),
    ).toThrow(/does not use: tabs/);
  });

  it('Firefox gets background.scripts and gecko settings with its data-collection declaration', () => {
    const m = buildManifest(base, { browser: 'firefox', apiBases: PRODUCTION_API_BASES }) as ManifestJson &
      Record<string, any>;
    expect(m.background).toEqual({ scripts: ['extension/background.ts'], type: 'module' });
    expect(m.browser_specific_settings.gecko).toMatchObject({
      id: 'privacy-extension@twikit.com',
      strict_min_version: '142.0',
    });
    expect(m.browser_specific_settings.gecko.data_collection_permissions.required).toEqual([
      'personallyIdentifyingInfo',
      'authenticationInfo',
    ]);
    expect(m).not.toHaveProperty('externally_connectable');
  });

  it('one host permission per API host, whatever its port; one region or both from the environment', () => {
    expect(hostPermissions(apiBasesFromEnv({ TWIKIT_API_BASE: 'http://127.0.0.1:8787' }))).toEqual([
      'http://127.0.0.1/*',
    ]);
    expect(apiBasesFromEnv({ TWIKIT_API_US_CA: 'https://us.example.com' })).toEqual({
      eea: PRODUCTION_API_BASES.eea,
      us_ca: 'https://us.example.com',
    });
  });

  it('R70: an API base must be https (http only on this machine) and an origin, with a clear error otherwise', () => {
    expect(() => apiBasesFromEnv({ TWIKIT_API_BASE: 'http://api.example.com' })).toThrow(/must use https/);
    expect(() => apiBasesFromEnv({ TWIKIT_API_EEA: 'https://api.example.com/v1' })).toThrow(
      /TWIKIT_API_EEA.*origin only/,
    );
    expect(() => apiBasesFromEnv({ TWIKIT_API_BASE: 'not a url' })).toThrow(/not a URL/);
  });
});
