import * as z from 'zod/mini';

/** Legal bases as the notice names them (GDPR Art. 6(1) and 9(2)(a)). */
export const LegalBasis = /* @__PURE__ */ z.enum([
  'contract',
  'legitimate_interests',
  'vital_interests',
  'legal_obligation',
  'consent',
  'explicit_consent',
]);
export type LegalBasis = z.infer<typeof LegalBasis>;

/** A consent purpose or an objection, derived from the notice. */
export const PurposeId = /* @__PURE__ */ z.enum(['biometric_scans', 'third_party_sharing', 'telemetry']);
export type PurposeId = z.infer<typeof PurposeId>;
