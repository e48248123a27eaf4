import * as z from 'zod/mini';
import { AppId, IsoDate, Locale, Region } from './common.ts';
import { LegalBasis, PurposeId } from './purpose.ts';

// Re-exported: small modules of their own so the widget's first script does not carry the notice schemas.
export { LegalBasis, PurposeId } from './purpose.ts';
export { NoticeVersion } from './notice-version.ts';

const Text = z.string().check(z.minLength(1));

export const PostalAddress = z.object({
  street: Text,
  postalCode: Text,
  city: Text,
  country: Text,
});

/** One row of the notice's processing table (../shared/docs/notice-table.md). */
export const ProcessingRow = z.object({
  id: z.enum(['account', 'telemetry', 'support', 'biometric']),
  dataType: Text,
  what: z.object({ summary: Text, items: z.array(z.object({ label: Text, description: z.optional(Text) })) }),
  howObtained: Text,
  apps: z.array(AppId).check(z.minLength(1)),
  uses: z.array(Text).check(z.minLength(1)),
  /** True when the notice's list of uses ends in "…" (it is not exhaustive). */
  usesOpenEnded: z.boolean(),
  legalBases: z.array(LegalBasis).check(z.minLength(1)),
  specialCategory: z.boolean(),
});
export type ProcessingRow = z.infer<typeof ProcessingRow>;

export const Purpose = z.object({
  id: PurposeId,
  /** `consent`: opt-in, off until given. `objection`: processing on legitimate interest the user may object to (Art. 21). */
  kind: z.enum(['consent', 'objection']),
  legalBasis: LegalBasis,
  specialCategory: z.boolean(),
  /** The processing row it governs, if one. */
  processingRow: z.optional(ProcessingRow.shape.id),
  /** Apps where it applies; empty = all. */
  apps: z.array(AppId),
  /** Needs its own express step at the moment of use (Art. 9(2)(a); EDPB consent guidelines §4). */
  justInTime: z.boolean(),
  title: Text,
  description: Text,
  dataTypes: z.array(Text),
});
export type Purpose = z.infer<typeof Purpose>;

export const Right = z.object({
  id: z.enum(['information_access', 'rectification_erasure', 'transferability', 'object_restrict', 'portability', 'complaint']),
  title: Text,
  paragraphs: z.array(Text).check(z.minLength(1)),
});

/** The privacy notice as structured, versioned data. Text is the published notice's, not reworded. */
export const NoticeDocument = z.object({
  schemaVersion: z.literal(1),
  /** Version id; a material change gets a new one. */
  version: Text,
  effectiveDate: IsoDate,
  /** `sha256-<base64>` of the canonical JSON of the document without this field. */
  contentHash: z.string().check(z.regex(/^sha256-[A-Za-z0-9+/]{43}=$/)),
  locale: Locale,
  title: Text,
  general: z.object({ paragraphs: z.array(Text) }),
  controller: z.object({
    name: Text,
    address: PostalAddress,
    registration: Text,
    email: z.email(),
    contactNote: Text,
    /** Null: the notice names no data protection officer. */
    dpo: z.nullable(z.object({ name: Text, email: z.email() })),
  }),
  processing: z.object({
    intro: Text,
    rows: z.array(ProcessingRow).check(z.length(4)),
    scopeNote: Text,
  }),
  categories: z.array(z.object({ id: z.enum(['non_personal', 'personal', 'sensitive']), label: Text, description: Text })).check(z.length(3)),
  residency: z.object({
    provider: Text,
    statement: Text,
    regions: z.array(z.object({ region: Region, residents: Text, location: Text })).check(z.length(2)),
    transfers: z.object({ intro: Text, safeguards: z.array(Text).check(z.minLength(1)) }),
  }),
  retention: z.object({ intro: Text, criteria: z.array(Text).check(z.minLength(1)), selfDeletion: Text }),
  sharing: z.object({
    intro: Text,
    cases: z.array(z.object({ id: z.enum(['consent', 'business', 'legal']), title: Text, paragraphs: z.array(Text), items: z.array(Text) })),
  }),
  security: z.object({ paragraphs: z.array(Text) }),
  rights: z.object({
    intro: z.array(Text),
    items: z.array(Right),
    howToExercise: z.object({ text: Text, email: z.email(), postalAddress: Text }),
  }),
  complaint: z.object({
    paragraphs: z.array(Text),
    authority: z.object({
      names: z.array(Text).check(z.minLength(1)),
      address: Text,
      phones: z.array(Text),
      fax: z.optional(Text),
      websites: z.array(z.url()),
    }),
  }),
  /** Statement on automated decision-making (Art. 13(2)(f)); null where the notice is silent. */
  automatedDecisions: z.nullable(Text),
  purposes: z.array(Purpose),
});
export type NoticeDocument = z.infer<typeof NoticeDocument>;

/** What `GET /v1/notice` answers: the document plus which locales exist for this version. */
export const NoticeResponse = z.object({
  notice: NoticeDocument,
  requestedLocale: Locale,
  availableLocales: z.array(Locale),
});
export type NoticeResponse = z.infer<typeof NoticeResponse>;
