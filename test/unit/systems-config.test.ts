import { describe, expect, it } from 'vitest';
import { retryDelay } from '../../server/fulfilment/worker.ts';
import { ConfigError } from '../../server/config-error.ts';
import { loadSystemsConfig, parseSystemsFile } from '../../server/systems-config.ts';

const secret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
const twikfit = {
  id: 'twikfit',
  name: 'TwikFit',
  kind: 'app',
  regions: ['eea', 'us_ca'],
  handles: ['access', 'erasure'],
  connector: { type: 'webhook', url: 'https://twikfit.example/privacy/jobs', secret },
};
const parse = (systems: unknown[], production = false) =>
  parseSystemsFile(JSON.stringify({ systems }), 'systems.json', production);
const failure = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('no ConfigError');
};

describe('the systems file (SYSTEMS_FILE)', () => {
  it('reads the fields product teams write, as written in the issue', () => {
    expect(parse([twikfit])).toEqual([twikfit]);
  });

  it('a mistake stops the server at start, naming the entry by index and id, and the field', () => {
    const carrier = {
      ...twikfit,
      id: 'carrier',
      connector: { type: 'webhook', url: 'https://c.example/jobs', secret: 'hunter2' },
    };
    expect(failure(() => parse([twikfit, carrier]))).toMatch(/systems\[1\] \(id "carrier"\)\.connector\.secret/);
    expect(failure(() => parse([{ ...twikfit, regions: ['mars'] }]))).toMatch(
      /systems\[0\] \(id "twikfit"\)\.regions\.0/,
    );
    expect(failure(() => parse([{ ...twikfit, handles: ['everything'] }]))).toMatch(
      /systems\[0\] \(id "twikfit"\)\.handles\.0/,
    );
    expect(failure(() => parse([{ ...twikfit, kind: 'vendor' }]))).toMatch(/\.kind/);
    expect(failure(() => parse([twikfit, twikfit]))).toMatch(/two systems share an id/);
    expect(failure(() => parseSystemsFile('{"systems": [', 'broken.json', false))).toMatch(
      /broken\.json is not valid JSON/,
    );
    expect(failure(() => loadSystemsConfig({ SYSTEMS_FILE: '/nonexistent/systems.json' }, false))).toMatch(
      /cannot be read/,
    );
  });

  it('production sends jobs over https only, except to a system on this machine', () => {
    const plain = { ...twikfit, connector: { ...twikfit.connector, url: 'http://twikfit.example/jobs' } };
    expect(parse([plain])).toHaveLength(1);
    expect(failure(() => parse([plain], true))).toMatch(
      /systems\[0\] \(id "twikfit"\)\.connector\.url: production sends jobs over https only/,
    );
    const local = { ...twikfit, connector: { ...twikfit.connector, url: 'http://127.0.0.1:8788/jobs' } };
    expect(parse([local], true)).toHaveLength(1);
  });

  it('without SYSTEMS_FILE there are no systems, and a failing job is tried for at least three days', () => {
    const config = loadSystemsConfig({}, true);
    expect(config.systems).toEqual([]);
    expect(config.delivery.giveUpMs).toBe(72 * 3_600_000);
    expect(failure(() => loadSystemsConfig({ JOB_GIVE_UP_HOURS: '24' }, true))).toMatch(/JOB_GIVE_UP_HOURS/);
  });

  it('retries back off exponentially with jitter, up to the cap', () => {
    expect(retryDelay(1, 1000, 60_000, () => 0)).toBe(500);
    expect(retryDelay(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(retryDelay(4, 1000, 60_000, () => 1)).toBe(8000);
    expect(retryDelay(30, 1000, 60_000, () => 1)).toBe(60_000);
    expect(retryDelay(30, 1000, 60_000, () => 0)).toBe(30_000);
  });
});
