import type { Locale } from '../../shared/contract/common.ts';
import type { ConsentRecord } from '../../shared/contract/consent.ts';
import type { NoticeDocument } from '../../shared/contract/notice.ts';
import type { ConsentReceipt, KantaraReceipt, SignedReceipt } from '../../shared/contract/receipt.ts';
import { canonicalJson } from '../../shared/notice/canonical-json.ts';
import type { Sql } from '../db/database.ts';
import { consentRecordOf } from '../store/consents.ts';
import { publishedDocument } from '../store/notices.ts';
import { notFound } from './errors.ts';
import type { ReceiptSigner } from './receipt-keys.ts';

/**
 * The receipt of one record (R32): every per-purpose fact comes from the notice version the record names, in the
 * record's language, so the receipt says what the person was shown, not what the notice says today.
 */
export function buildReceipt(record: ConsentRecord, notice: NoticeDocument, issuer: string): ConsentReceipt {
  const purpose = notice.purposes.find((p) => p.id === record.purpose);
  const { controller } = notice;
  const address = controller.address;
  // What the notice version the record names says of the purpose (a purpose it no longer has: the controller alone).
  const recipients = purpose?.recipients ?? [{ name: controller.name, thirdParty: false }];
  return {
    schemaVersion: 1,
    standard: 'ISO/IEC TS 27560:2023',
    receiptId: record.id,
    issuer,
    issuedAt: record.recordedAt,
    subject: { id: record.subjectId, kind: record.subjectKind },
    controller: {
      name: controller.name,
      address: `${address.street}, ${address.postalCode} ${address.city}, ${address.country}`,
      registration: controller.registration,
      email: controller.email,
    },
    notice: { version: record.noticeVersion, hash: record.noticeHash, locale: notice.locale },
    purpose: {
      id: record.purpose,
      title: purpose?.title ?? record.purpose,
      legalBasis: record.legalBasis,
      specialCategory: record.specialCategory,
      dataTypes: purpose?.dataTypes ?? [],
      recipients: recipients.map((r) => r.name),
      thirdPartyDisclosure: recipients.some((r) => r.thirdParty),
      retention: purpose?.retention.text ?? notice.retention.intro,
      storage: notice.residency.regions.map((r) => ({ residents: r.residents, location: r.location })),
      jurisdiction: address.country,
    },
    event: {
      type: record.event,
      active: record.active,
      method: record.method,
      control: record.control,
      surface: record.surface,
      gpc: record.gpc,
      recordedAt: record.recordedAt,
    },
    // A visitor's body-scan consent lapses (R31): its receipt says until when.
    validity: { from: record.recordedAt, until: record.expiresAt ?? null, withdrawable: true },
    record: { id: record.id, hash: record.hash },
  };
}

/** Signs the receipt's canonical JSON: the verifier re-serialises the receipt the same way and compares. */
export async function signReceipt(signer: ReceiptSigner, receipt: ConsentReceipt): Promise<SignedReceipt> {
  return { receipt, jws: await signer.sign(canonicalJson(receipt)) };
}

const CONSENT_TYPE: Record<string, string> = { explicit_consent: 'EXPLICIT', consent: 'EXPRESSED' };

/** The same record as a Kantara Consent Receipt v1.1 (R33). */
export function kantaraOf(receipt: ConsentReceipt): KantaraReceipt {
  const { controller, purpose, event, notice } = receipt;
  return {
    version: 'KI-CR-v1.1.0',
    jurisdiction: purpose.jurisdiction,
    consentTimestamp: Math.floor(Date.parse(event.recordedAt) / 1000),
    collectionMethod: `${event.method}${event.control ? ` (${event.control})` : ''} via ${event.surface.kind}`,
    consentReceiptID: receipt.receiptId,
    language: notice.locale,
    piiPrincipalId: receipt.subject.id,
    piiControllers: [
      {
        piiController: controller.name,
        contact: controller.email,
        address: controller.address,
        email: controller.email,
        phone: '',
      },
    ],
    policyUrl: `${receipt.issuer}/v1/notice?version=${encodeURIComponent(notice.version)}&locale=${notice.locale}`,
    services: [
      {
        service: controller.name,
        purposes: [
          {
            purpose: purpose.title,
            purposeCategory: [purpose.id],
            consentType: CONSENT_TYPE[purpose.legalBasis] ?? purpose.legalBasis.toUpperCase(),
            piiCategory: purpose.dataTypes,
            primaryPurpose: false,
            termination: event.active ? 'Until withdrawn by the person' : 'Not in force',
            thirdPartyDisclosure: purpose.thirdPartyDisclosure,
          },
        ],
      },
    ],
    sensitive: purpose.specialCategory,
    spiCat: purpose.specialCategory ? purpose.dataTypes : [],
  };
}

/** One of the subject's own records with its notice; another subject's id is as unknown as a made-up one. */
export async function ownReceipt(
  sql: Sql,
  subjectId: string,
  id: string,
  issuer: string,
): Promise<{ receipt: ConsentReceipt; locale: Locale }> {
  const record = await consentRecordOf(sql, subjectId, id);
  if (!record) throw notFound('No resource with this id.');
  const notice = await publishedDocument(sql, record.noticeVersion, record.locale);
  if (!notice) throw notFound('No resource with this id.');
  // The language the person decided in, for the printable page (the notice may lack a translation of it).
  return { receipt: buildReceipt(record, notice, issuer), locale: record.locale };
}
