// R36: the check the server tests run on every consent record they receive (test/server/record-schema.ts) can fail:
// the committed JSON Schema refuses a record that lacks a field, and the test client's check throws on it.
import { describe, expect, it } from 'vitest';
import type { ConsentRecord } from '../../shared/contract/consent.ts';
import { checkConsentResponse, RecordSchemaError, schemaErrors } from '../server/record-schema.ts';

const record: ConsentRecord = {
  schemaVersion: 1,
  id: '0b8f1f3e-6c1a-4d2b-9a51-3f0c2d6e7a10',
  subjectId: '5d0c7a2e-1b3f-4e6a-8c9d-2a1b0c3d4e5f',
  subjectKind: 'user',
  purpose: 'third_party_sharing',
  event: 'given',
  active: true,
  legalBasis: 'consent',
  specialCategory: false,
  method: 'ui',
  gpc: false,
  surface: { kind: 'widget', app: 'twikfit' },
  control: 'toggle',
  decidedAt: null,
  receivedAt: '2026-11-24T10:00:00.000Z',
  expiresAt: null,
  locale: 'nl',
  noticeVersion: '2026-11-24',
  noticeHash: `sha256-${'a'.repeat(43)}`,
  recordedAt: '2026-11-24T10:00:00.000Z',
  prevHash: null,
  hash: `sha256-${'b'.repeat(43)}`,
};

describe('R36: consent records against the committed JSON Schema', () => {
  it('R36: a complete record is valid', () => {
    expect(schemaErrors('ConsentRecord', record)).toBeNull();
  });

  it.each(['noticeHash', 'legalBasis', 'receivedAt', 'hash'] as const)(
    'R36: a record missing %s is refused, by the schema and by the test client’s check',
    (field) => {
      const { [field]: _dropped, ...incomplete } = record;
      expect(schemaErrors('ConsentRecord', incomplete)).toContain(field);
      expect(() =>
        checkConsentResponse('GET', '/v1/consents/history?limit=5', 200, { records: [record, incomplete] }),
      ).toThrow(RecordSchemaError);
      expect(() => checkConsentResponse('POST', '/v1/consents', 201, { record: incomplete, state: {} })).toThrow(
        /records?.*not a valid ConsentRecord/,
      );
    },
  );

  it('R36: a record with a value of the wrong kind is refused', () => {
    expect(schemaErrors('ConsentRecord', { ...record, active: 'yes' })).not.toBeNull();
    expect(schemaErrors('ConsentRecord', { ...record, subjectKind: 'robot' })).not.toBeNull();
  });

  it('R36: a receipt that is not one, or whose signed payload lacks the receipt fields, is refused', () => {
    const jws = `eyJhbGciOiJFUzI1NiJ9.${Buffer.from(JSON.stringify({ receiptId: record.id })).toString('base64url')}.c2ln`;
    expect(() => checkConsentResponse('GET', `/v1/consents/${record.id}/receipt`, 200, { receipt: {}, jws })).toThrow(
      RecordSchemaError,
    );
    expect(() =>
      checkConsentResponse('GET', `/v1/consents/${record.id}/receipt?format=kantara`, 200, { version: 'KI-CR-v1.1.0' }),
    ).toThrow(/KantaraReceipt/);
  });

  it('problems and other routes pass through unchecked', () => {
    expect(() => checkConsentResponse('POST', '/v1/consents', 422, { type: 'x', status: 422 })).not.toThrow();
    expect(() => checkConsentResponse('GET', '/v1/notice', 200, { notice: {} })).not.toThrow();
  });
});
