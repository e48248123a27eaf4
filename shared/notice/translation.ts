// A translation of the notice is text only. Its facts (ids, apps, legal bases, flags, e-mail addresses,
// phone numbers, the version) are taken from the English document, so they are written once and a
// translation cannot drift from them; fields added to the English document later are carried over as
// they are until someone translates them (test/unit/notice-translations.test.ts finds them).
import type { Locale, Region } from '../contract/common.ts';
import type { NoticeDocument, ProcessingRow, Purpose } from '../contract/notice.ts';
import { noticeContentHash } from './content-hash.ts';

type English = Omit<NoticeDocument, 'contentHash'>;
type RightId = NoticeDocument['rights']['items'][number]['id'];
type CategoryId = NoticeDocument['categories'][number]['id'];
type SharingId = NoticeDocument['sharing']['cases'][number]['id'];

/** Every text of the notice in one language, keyed by the English document's ids; arrays match its arrays. */
export interface NoticeTranslation {
  locale: Exclude<Locale, 'en'>;
  title: string;
  general: string[];
  controller: { country: string; registration: string; contactNote: string };
  processing: {
    intro: string;
    scopeNote: string;
    rows: Record<
      ProcessingRow['id'],
      {
        dataType: string;
        summary: string;
        items: Array<{ label: string; description?: string }>;
        howObtained: string;
        uses: string[];
      }
    >;
  };
  categories: Record<CategoryId, { label: string; description: string }>;
  residency: {
    statement: string;
    regions: Record<Region, { residents: string; location: string }>;
    transfers: { intro: string; safeguards: string[] };
  };
  retention: { intro: string; criteria: string[]; selfDeletion: string };
  sharing: { intro: string; cases: Record<SharingId, { title: string; paragraphs: string[]; items: string[] }> };
  security: string[];
  rights: {
    intro: string[];
    items: Record<RightId, { title: string; paragraphs: string[] }>;
    howToExercise: { text: string; postalAddress: string };
  };
  /** The authority's official name, address and website in this language (its phone numbers are facts). */
  complaint: { paragraphs: string[]; authority: { names: string[]; address: string; websites: string[] } };
  automatedDecisions: string | null;
  /**
   * Each purpose's texts. `recipients` names the English recipients in their order (whether one is a third party
   * is a fact, taken from the English); `retention` is the retention text (its period is a fact).
   */
  purposes: Record<
    Purpose['id'],
    Pick<Purpose, 'title' | 'name' | 'description' | 'dataTypes'> & { recipients: string[]; retention: string }
  >;
}

/** `texts` when it has as many entries as the English `english`, else an error naming `where`. */
function same<T>(where: string, english: readonly unknown[], texts: T[]): T[] {
  if (english.length !== texts.length) {
    throw new Error(`Notice translation: ${where} has ${texts.length} entries, the English ${english.length}.`);
  }
  return texts;
}

function byId<T>(where: string, texts: Partial<Record<string, T>>, id: string): T {
  const text = texts[id];
  if (text === undefined) throw new Error(`Notice translation: ${where} has no text for "${id}".`);
  return text;
}

/** The translated document: English facts, translated texts, and the hash of the English text it translates. */
export async function translateNotice(en: English, t: NoticeTranslation): Promise<English> {
  if (en.locale !== 'en') throw new Error('Notice translation: translate from the English document.');
  const enHash = await noticeContentHash(en);
  return {
    ...en,
    locale: t.locale,
    translationOf: { locale: 'en', contentHash: enHash },
    title: t.title,
    general: { paragraphs: same('general', en.general.paragraphs, t.general) },
    controller: {
      ...en.controller,
      address: { ...en.controller.address, country: t.controller.country },
      registration: t.controller.registration,
      contactNote: t.controller.contactNote,
    },
    processing: {
      intro: t.processing.intro,
      scopeNote: t.processing.scopeNote,
      rows: en.processing.rows.map((row) => {
        const r = byId('processing.rows', t.processing.rows, row.id);
        return {
          ...row,
          dataType: r.dataType,
          what: {
            summary: r.summary,
            items: same(`processing.rows.${row.id}.items`, row.what.items, r.items).map((item, i) => {
              const hasDescription = row.what.items[i]?.description !== undefined;
              if (hasDescription !== (item.description !== undefined)) {
                throw new Error(`Notice translation: processing.rows.${row.id}.items[${i}] description mismatch.`);
              }
              return item;
            }),
          },
          howObtained: r.howObtained,
          uses: same(`processing.rows.${row.id}.uses`, row.uses, r.uses),
        };
      }),
    },
    categories: en.categories.map((c) => ({ ...c, ...byId('categories', t.categories, c.id) })),
    residency: {
      ...en.residency,
      statement: t.residency.statement,
      regions: en.residency.regions.map((r) => ({ ...r, ...byId('residency.regions', t.residency.regions, r.region) })),
      transfers: {
        intro: t.residency.transfers.intro,
        safeguards: same(
          'residency.transfers.safeguards',
          en.residency.transfers.safeguards,
          t.residency.transfers.safeguards,
        ),
      },
    },
    retention: {
      intro: t.retention.intro,
      criteria: same('retention.criteria', en.retention.criteria, t.retention.criteria),
      selfDeletion: t.retention.selfDeletion,
    },
    sharing: {
      intro: t.sharing.intro,
      cases: en.sharing.cases.map((c) => {
        const s = byId('sharing.cases', t.sharing.cases, c.id);
        return {
          ...c,
          title: s.title,
          paragraphs: same(`sharing.cases.${c.id}.paragraphs`, c.paragraphs, s.paragraphs),
          items: same(`sharing.cases.${c.id}.items`, c.items, s.items),
        };
      }),
    },
    security: { paragraphs: same('security', en.security.paragraphs, t.security) },
    rights: {
      intro: same('rights.intro', en.rights.intro, t.rights.intro),
      items: en.rights.items.map((item) => {
        const r = byId('rights.items', t.rights.items, item.id);
        return { ...item, title: r.title, paragraphs: same(`rights.items.${item.id}`, item.paragraphs, r.paragraphs) };
      }),
      howToExercise: { ...en.rights.howToExercise, ...t.rights.howToExercise },
    },
    complaint: {
      paragraphs: same('complaint.paragraphs', en.complaint.paragraphs, t.complaint.paragraphs),
      authority: { ...en.complaint.authority, ...t.complaint.authority },
    },
    automatedDecisions: t.automatedDecisions,
    // Field by field, not a spread of the translation: what a purpose does (acceptAll, gpc, the recipients'
    // thirdParty, the retention period…) is the English document's, whatever a translation object carries.
    purposes: en.purposes.map((p) => {
      const text = byId('purposes', t.purposes, p.id);
      const recipientNames = same(`purposes.${p.id}.recipients`, p.recipients, text.recipients);
      return {
        ...p,
        title: text.title,
        name: text.name,
        description: text.description,
        dataTypes: same(`purposes.${p.id}.dataTypes`, p.dataTypes, text.dataTypes),
        recipients: p.recipients.map((r, i) => ({ ...r, name: recipientNames[i] as string })),
        retention: { ...p.retention, text: text.retention },
      };
    }),
  };
}
