import * as z from 'zod/mini';
import { DECISIONS, PURPOSE_REGISTRY, type PurposeKind as Kind } from '../registry/purposes.ts';

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

/** A consent purpose or an objection (shared/registry/purposes.ts). */
export const PurposeId = /* @__PURE__ */ z.enum(
  /* @__PURE__ */ PURPOSE_REGISTRY.map((p) => p.id) as [PurposeIdValue, ...PurposeIdValue[]],
);
type PurposeIdValue = (typeof PURPOSE_REGISTRY)[number]['id'];
export type PurposeId = z.infer<typeof PurposeId>;

/** `consent`: opt-in, off until given. `objection`: processing on legitimate interest the person may object to (Art. 21). */
export const PurposeKind = /* @__PURE__ */ z.enum(/* @__PURE__ */ Object.keys(DECISIONS) as [Kind, ...Kind[]]);
