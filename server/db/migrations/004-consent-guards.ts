/**
 * Consent guards (issue 13): a record keeps what the client claims apart from what the server saw, and a
 * visitor's special-category consent lapses by itself.
 * - `decided_at`: the client's claim of when the person decided (an offline decision sent later).
 * - `received_at`: when the server received the request (`recorded_at` stays the time it was written).
 * - `expires_at`: when a visitor's body-scan consent lapses, or, on its `expired` record, when it lapsed.
 * - `method` gains `system`: what the server recorded by itself (the lapse), never a client's method.
 */
export const consentGuards = `
alter table consent_records
  add column decided_at timestamptz,
  add column received_at timestamptz,
  add column expires_at timestamptz;

alter table consent_records drop constraint consent_records_method_check;
alter table consent_records add constraint consent_records_method_check
  check (method in ('ui', 'gpc', 'api', 'system'));
`;
