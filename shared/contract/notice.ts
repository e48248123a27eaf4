import * as z from 'zod/mini';
import { AppId, IsoDate, Locale, Region } from './common.ts';
import { LegalBasis, PurposeGpc, PurposeId, PurposeKind } from './purpose.ts';
import { RULES } from './rules.ts';

// Re-exported: small modules of their own so the widget's first script does not carry the notice schemas.
export { LegalBasis, PurposeId } from './purpose.ts';
export { NoticeVersion } from './notice-version.ts';

const Text = /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1));

/** `sha256-<base64>` of the canonical JSON of a notice without its `contentHash` field. */
const ContentHash = /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^sha256-[A-Za-z0-9+/]{43}=$/));

export const PostalAddress = /* @__PURE__ */ z.object({
  street: Text,
  postalCode: Text,
  city: Text,
  country: Text,
});

/** One row of the notice's processing table (decoded cell by cell in `shared/notice/default-notice.ts`). */
export const ProcessingRow = /* @__PURE__ */ z.object({
  id: /* @__PURE__ */ z.enum(['account', 'telemetry', 'support', 'biometric']),
  dataType: Text,
  what: /* @__PURE__ */ z.object({
    summary: Text,
    items: /* @__PURE__ */ z.array(
      /* @__PURE__ */ z.object({ label: Text, description: /* @__PURE__ */ z.optional(Text) }),
    ),
  }),
  howObtained: Text,
  apps: /* @__PURE__ */ z.array(AppId).check(/* @__PURE__ */ z.minLength(1)),
  uses: /* @__PURE__ */ z.array(Text).check(/* @__PURE__ */ z.minLength(1)),
  /** True when the notice's list of uses ends in "…" (it is not exhaustive). */
  usesOpenEnded: /* @__PURE__ */ z.boolean(),
  legalBases: /* @__PURE__ */ z.array(LegalBasis).check(/* @__PURE__ */ z.minLength(1)),
  specialCategory: /* @__PURE__ */ z.boolean(),
});
export type ProcessingRow = z.infer<typeof ProcessingRow>;

/** How long a purpose's data is kept: the notice's words, and the period when it names one (ISO 8601, e.g. `P2Y`). */
export const PurposeRetention = /* @__PURE__ */ z.object({
  text: Text,
  period: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/)),
  ),
});

/**
 * One purpose the notice asks consent for, or lets the person object to. Everything the server, the core, the
 * widget and the popup do with a purpose follows from these fields (shared/notice/purpose-rules.ts); no component
 * names a purpose id, so a new notice version can add, change or retire one.
 */
export const Purpose = /* @__PURE__ */ z
  .object({
    id: PurposeId,
    /** `consent`: opt-in, off until given. `objection`: processing on legitimate interest the user may object to (Art. 21). */
    kind: PurposeKind,
    legalBasis: LegalBasis,
    /** Special-category data (Art. 9): never part of "accept all" (R22). */
    specialCategory: /* @__PURE__ */ z.boolean(),
    /** Granted by "accept all" (R17); "reject all" refuses these and withdraws every other consent given. */
    acceptAll: /* @__PURE__ */ z.boolean(),
    /** What Global Privacy Control asks of it (R28): consent `off`, or `objected`. Absent: GPC says nothing (it never gives consent). */
    gpc: /* @__PURE__ */ z.optional(PurposeGpc),
    /** The processing row it governs, if one. */
    processingRow: /* @__PURE__ */ z.optional(ProcessingRow.shape.id),
    /** Apps where it applies; empty = all. */
    apps: /* @__PURE__ */ z.array(AppId),
    /** Needs its own express step at the moment of use (Art. 9(2)(a); EDPB consent guidelines §4). */
    justInTime: /* @__PURE__ */ z.boolean(),
    title: Text,
    /** What it is called inside a sentence ("Consent for {name} given"), lower case where the language allows. */
    name: Text,
    description: Text,
    /** The data it uses. */
    dataTypes: /* @__PURE__ */ z.array(Text),
    /**
     * Who receives that data, named as the notice's sharing and residency sections name them. `thirdParty`: a
     * party outside the controller and the processors working for it (Art. 4(10)), i.e. the data is disclosed.
     */
    recipients: /* @__PURE__ */ z
      .array(/* @__PURE__ */ z.object({ name: Text, thirdParty: /* @__PURE__ */ z.boolean() }))
      .check(/* @__PURE__ */ z.minLength(1)),
    retention: PurposeRetention,
  })
  .check(
    /* @__PURE__ */ z.refine(RULES.specialNotInAcceptAll, {
      message: 'special category: never in accept all (R22)',
      path: ['acceptAll'],
    }),
    /* @__PURE__ */ z.refine(RULES.acceptAllConsentsOnly, {
      message: 'accept all: consents only',
      path: ['acceptAll'],
    }),
    /* @__PURE__ */ z.refine(RULES.justInTimeConsentsOnly, {
      message: 'just in time: consents only',
      path: ['justInTime'],
    }),
    /* @__PURE__ */ z.refine(RULES.gpcMatchesKind, {
      message: 'gpc: off (consent) or objected (objection)',
      path: ['gpc'],
    }),
  );
export type Purpose = z.infer<typeof Purpose>;

export const Right = /* @__PURE__ */ z.object({
  id: /* @__PURE__ */ z.enum([
    'information_access',
    'rectification_erasure',
    'transferability',
    'object_restrict',
    'portability',
    'complaint',
  ]),
  title: Text,
  paragraphs: /* @__PURE__ */ z.array(Text).check(/* @__PURE__ */ z.minLength(1)),
});

/** The privacy notice as structured, versioned data. Text is the published notice's, not reworded. */
export const NoticeDocument = /* @__PURE__ */ z.object({
  schemaVersion: /* @__PURE__ */ z.literal(1),
  /** Version id; a material change gets a new one. */
  version: Text,
  effectiveDate: IsoDate,
  /** `sha256-<base64>` of the canonical JSON of the document without this field. */
  contentHash: ContentHash,
  locale: Locale,
  /**
   * Set on a translation only: the English text it translates, by hash. That text prevails where the two
   * differ; a notice without this field is the original (English, authoritative). Optional so the English
   * document, and the hash it was published with, stay exactly as they were.
   */
  translationOf: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.object({ locale: /* @__PURE__ */ z.literal('en'), contentHash: ContentHash }),
  ),
  title: Text,
  general: /* @__PURE__ */ z.object({ paragraphs: /* @__PURE__ */ z.array(Text) }),
  controller: /* @__PURE__ */ z.object({
    name: Text,
    address: PostalAddress,
    registration: Text,
    email: /* @__PURE__ */ z.email(),
    contactNote: Text,
    /** Null: the notice names no data protection officer. */
    dpo: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.object({ name: Text, email: /* @__PURE__ */ z.email() })),
  }),
  processing: /* @__PURE__ */ z.object({
    intro: Text,
    rows: /* @__PURE__ */ z.array(ProcessingRow).check(/* @__PURE__ */ z.length(4)),
    scopeNote: Text,
  }),
  categories: /* @__PURE__ */ z
    .array(
      /* @__PURE__ */ z.object({
        id: /* @__PURE__ */ z.enum(['non_personal', 'personal', 'sensitive']),
        label: Text,
        description: Text,
      }),
    )
    .check(/* @__PURE__ */ z.length(3)),
  residency: /* @__PURE__ */ z.object({
    provider: Text,
    statement: Text,
    regions: /* @__PURE__ */ z
      .array(/* @__PURE__ */ z.object({ region: Region, residents: Text, location: Text }))
      .check(/* @__PURE__ */ z.length(2)),
    transfers: /* @__PURE__ */ z.object({
      intro: Text,
      safeguards: /* @__PURE__ */ z.array(Text).check(/* @__PURE__ */ z.minLength(1)),
    }),
  }),
  retention: /* @__PURE__ */ z.object({
    intro: Text,
    criteria: /* @__PURE__ */ z.array(Text).check(/* @__PURE__ */ z.minLength(1)),
    selfDeletion: Text,
  }),
  sharing: /* @__PURE__ */ z.object({
    intro: Text,
    cases: /* @__PURE__ */ z.array(
      /* @__PURE__ */ z.object({
        id: /* @__PURE__ */ z.enum(['consent', 'business', 'legal']),
        title: Text,
        paragraphs: /* @__PURE__ */ z.array(Text),
        items: /* @__PURE__ */ z.array(Text),
      }),
    ),
  }),
  security: /* @__PURE__ */ z.object({ paragraphs: /* @__PURE__ */ z.array(Text) }),
  rights: /* @__PURE__ */ z.object({
    intro: /* @__PURE__ */ z.array(Text),
    items: /* @__PURE__ */ z.array(Right),
    howToExercise: /* @__PURE__ */ z.object({ text: Text, email: /* @__PURE__ */ z.email(), postalAddress: Text }),
  }),
  complaint: /* @__PURE__ */ z.object({
    paragraphs: /* @__PURE__ */ z.array(Text),
    authority: /* @__PURE__ */ z.object({
      names: /* @__PURE__ */ z.array(Text).check(/* @__PURE__ */ z.minLength(1)),
      address: Text,
      phones: /* @__PURE__ */ z.array(Text),
      fax: /* @__PURE__ */ z.optional(Text),
      // http(s) only: these become links, and a `javascript:` URL must never validate.
      websites: /* @__PURE__ */ z.array(/* @__PURE__ */ z.url({ protocol: /^https?$/ })),
    }),
  }),
  /** Statement on automated decision-making (Art. 13(2)(f)); null where the notice is silent. */
  automatedDecisions: /* @__PURE__ */ z.nullable(Text),
  purposes: /* @__PURE__ */ z.array(Purpose).check(
    /* @__PURE__ */ z.refine(RULES.idsOnceEach, {
      message: 'purpose ids: once each',
    }),
  ),
});
export type NoticeDocument = z.infer<typeof NoticeDocument>;

/** What `GET /v1/notice` answers: the document plus which locales exist for this version. */
export const NoticeResponse = /* @__PURE__ */ z.object({
  notice: NoticeDocument,
  requestedLocale: Locale,
  availableLocales: /* @__PURE__ */ z.array(Locale),
});
export type NoticeResponse = z.infer<typeof NoticeResponse>;
