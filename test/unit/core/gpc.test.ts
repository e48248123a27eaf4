import { describe, expect, it } from 'vitest';
import type { ConsentState, PurposeState } from '../../../shared/contract/consent.ts';
import type { PurposeId } from '../../../shared/contract/notice.ts';
import { gpcDecisionsNeeded, gpcSignal } from '../../../shared/models/gpc.ts';
import { defaultNoticeEn } from '../../../shared/notice/default-notice.ts';

/** A purpose's state as the server writes it from the default notice (its kind and GPC rule included). */
const purpose = (id: PurposeId, active: boolean, byGpc = false): PurposeState => ({
  purpose: id,
  kind: defaultNoticeEn.purposes.find((p) => p.id === id)!.kind,
  ...(defaultNoticeEn.purposes.find((p) => p.id === id)!.gpc
    ? { gpc: defaultNoticeEn.purposes.find((p) => p.id === id)!.gpc! }
    : {}),
  active,
  decided: active || byGpc,
  byGpc,
  updatedAt: active ? '2026-03-10T10:00:00.000Z' : null,
  noticeVersion: active ? '2026-01' : null,
});

const state = (on: Partial<Record<PurposeId, boolean>>, gpc = { signal: false, honored: false }): ConsentState => ({
  subjectId: '6f1c1b1e-8c1a-4e8e-9a43-0d6f7f1c2a10',
  subjectKind: 'user',
  purposes: defaultNoticeEn.purposes.map(({ id }) => purpose(id, on[id] ?? false)),
  gpc,
});

describe('gpcSignal', () => {
  it('R28: is on only for navigator.globalPrivacyControl === true', () => {
    expect(gpcSignal({ globalPrivacyControl: true })).toBe(true);
    for (const value of [false, 1, '1', 'true', null, undefined, {}])
      expect(gpcSignal({ globalPrivacyControl: value })).toBe(false);
    expect(gpcSignal({})).toBe(false);
    expect(gpcSignal(undefined)).toBe(false);
  });

  it('R28: reads the global navigator by default (none in Node: off)', () => {
    expect(gpcSignal()).toBe(false);
  });
});

describe('gpcDecisionsNeeded', () => {
  it('R28: a missing GPC signal asks for nothing', () => {
    expect(gpcDecisionsNeeded(state({ third_party_sharing: true }), false)).toEqual([]);
    expect(gpcDecisionsNeeded(state({}), false)).toEqual([]);
    expect(
      gpcDecisionsNeeded(state({ biometric_scans: true, third_party_sharing: true, telemetry: false }), false),
    ).toEqual([]);
  });

  it('R28: with the signal, sharing that is on is denied', () => {
    expect(gpcDecisionsNeeded(state({ third_party_sharing: true, telemetry: true }), true)).toEqual([
      { purpose: 'third_party_sharing', decision: 'deny' },
    ]);
  });

  it('R28: with the signal, telemetry not yet objected to is objected to', () => {
    expect(gpcDecisionsNeeded(state({}), true)).toEqual([{ purpose: 'telemetry', decision: 'object' }]);
    expect(gpcDecisionsNeeded(state({ third_party_sharing: true }), true)).toEqual([
      { purpose: 'third_party_sharing', decision: 'deny' },
      { purpose: 'telemetry', decision: 'object' },
    ]);
  });

  it('R28: a state that already honours the signal needs nothing', () => {
    expect(gpcDecisionsNeeded(state({ telemetry: true }, { signal: true, honored: true }), true)).toEqual([]);
    expect(gpcDecisionsNeeded(state({ telemetry: true }), true)).toEqual([]);
  });

  it('R28: never grants anything and never touches body-scan consent', () => {
    for (const on of [
      {},
      { biometric_scans: true },
      { biometric_scans: true, third_party_sharing: true },
      { telemetry: true },
    ]) {
      const decisions = gpcDecisionsNeeded(state(on), true);
      expect(decisions.every((d) => d.decision === 'deny' || d.decision === 'object')).toBe(true);
      expect(decisions.some((d) => d.purpose === 'biometric_scans')).toBe(false);
    }
  });
});
