import * as z from 'zod/mini';
import { Locale, Surface, Timestamp, Uuid } from './common.ts';
import { ConsentEvent, RecordedMethod, SubjectKind } from './consent.ts';
import { LegalBasis, PurposeId } from './purpose.ts';

// Output only (the server writes receipts), so plain strings: the OpenAPI document stays within its size budget.
const Text = /* @__PURE__ */ z.string();

/**
 * A consent receipt (R32, R34): one consent record in the shape of ISO/IEC TS 27560 — who (subject, controller),
 * what (purpose, data types, recipients, retention, jurisdiction), under which notice (version and hash), how
 * (event, method, control, surface, GPC), when and for how long (timestamps, validity). The server signs its
 * canonical JSON; the person keeps it and anyone can check it (`tools/verify-receipt.ts`).
 */
export const ConsentReceipt = /* @__PURE__ */ z.object({
  schemaVersion: /* @__PURE__ */ z.literal(1),
  standard: /* @__PURE__ */ z.literal('ISO/IEC TS 27560:2023'),
  /** The receipt's id is the record's id: one receipt per record. */
  receiptId: Uuid,
  /** The server's public URL: where its keys (`/.well-known/jwks.json`) and notices are published. */
  issuer: Text,
  issuedAt: Timestamp,
  /** Pseudonymous: a user or device id, never an e-mail. */
  subject: /* @__PURE__ */ z.object({ id: Uuid, kind: SubjectKind }),
  controller: /* @__PURE__ */ z.object({ name: Text, address: Text, registration: Text, email: Text }),
  notice: /* @__PURE__ */ z.object({ version: Text, hash: Text, locale: Locale }),
  purpose: /* @__PURE__ */ z.object({
    id: PurposeId,
    title: Text,
    legalBasis: LegalBasis,
    specialCategory: /* @__PURE__ */ z.boolean(),
    dataTypes: /* @__PURE__ */ z.array(Text),
    recipients: /* @__PURE__ */ z.array(Text),
    /** The data goes to a party outside the controller and its processors (a recipient the notice marks so). */
    thirdPartyDisclosure: /* @__PURE__ */ z.boolean(),
    retention: Text,
    /** Where the data is stored, per region of residence, and whose law governs the controller. */
    storage: /* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ residents: Text, location: Text })),
    jurisdiction: Text,
  }),
  event: /* @__PURE__ */ z.object({
    type: ConsentEvent,
    /** The purpose's state after this event: consent given / objection in force. */
    active: /* @__PURE__ */ z.boolean(),
    method: RecordedMethod,
    control: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
    surface: Surface,
    gpc: /* @__PURE__ */ z.boolean(),
    recordedAt: Timestamp,
  }),
  /** In force from the event until withdrawn (`until: null`), or until the stated time. */
  validity: /* @__PURE__ */ z.object({
    from: Timestamp,
    until: /* @__PURE__ */ z.nullable(Timestamp),
    withdrawable: /* @__PURE__ */ z.boolean(),
  }),
  /** The record this receipt proves, and its place in the subject's hash chain (R35). */
  record: /* @__PURE__ */ z.object({ id: Uuid, hash: Text }),
});
export type ConsentReceipt = z.infer<typeof ConsentReceipt>;

/**
 * The file the person keeps: the receipt, readable, and the compact JWS over its canonical JSON (ES256 or
 * EdDSA, `kid` naming a key of the issuer's JWKS). A verifier checks the signature and that the payload is this
 * receipt, so neither part can change alone.
 */
export const SignedReceipt = /* @__PURE__ */ z.object({
  receipt: ConsentReceipt,
  jws: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^[\w-]+\.[\w-]+\.[\w-]+$/)),
});
export type SignedReceipt = z.infer<typeof SignedReceipt>;

/** The Kantara Consent Receipt Specification v1.1 view of the same record (R33). */
export const KantaraReceipt = /* @__PURE__ */ z.object({
  version: /* @__PURE__ */ z.literal('KI-CR-v1.1.0'),
  jurisdiction: Text,
  /** Seconds since the epoch, as the specification asks. */
  consentTimestamp: /* @__PURE__ */ z.number(),
  collectionMethod: Text,
  consentReceiptID: Uuid,
  language: Locale,
  piiPrincipalId: Uuid,
  piiControllers: /* @__PURE__ */ z.array(
    /* @__PURE__ */ z.object({
      piiController: Text,
      contact: Text,
      address: Text,
      email: Text,
      phone: /* @__PURE__ */ z.string(),
    }),
  ),
  policyUrl: Text,
  services: /* @__PURE__ */ z.array(
    /* @__PURE__ */ z.object({
      service: Text,
      purposes: /* @__PURE__ */ z.array(
        /* @__PURE__ */ z.object({
          purpose: Text,
          purposeCategory: /* @__PURE__ */ z.array(Text),
          consentType: Text,
          piiCategory: /* @__PURE__ */ z.array(Text),
          primaryPurpose: /* @__PURE__ */ z.boolean(),
          termination: Text,
          thirdPartyDisclosure: /* @__PURE__ */ z.boolean(),
        }),
      ),
    }),
  ),
  sensitive: /* @__PURE__ */ z.boolean(),
  spiCat: /* @__PURE__ */ z.array(Text),
});
export type KantaraReceipt = z.infer<typeof KantaraReceipt>;

/** `GET /.well-known/jwks.json`: the receipt-signing public keys, current first, then retired ones. */
export const ReceiptJwks = /* @__PURE__ */ z.object({
  keys: /* @__PURE__ */ z.array(
    /* @__PURE__ */ z.looseObject({ kid: Text, kty: Text, alg: /* @__PURE__ */ z.enum(['ES256', 'EdDSA']) }),
  ),
});
export type ReceiptJwks = z.infer<typeof ReceiptJwks>;

/** `jws`: the signed receipt (JSON); `html`: the readable page to print; `kantara`: the Kantara v1.1 receipt. */
export const ReceiptFormat = /* @__PURE__ */ z.enum(['jws', 'html', 'kantara']);
