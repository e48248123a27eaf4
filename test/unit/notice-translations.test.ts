import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { NoticeDocument } from '../../shared/contract/notice.ts';
import { noticeContentHash } from '../../shared/notice/content-hash.ts';
import { defaultNoticeEn } from '../../shared/notice/default-notice.ts';
import { defaultNoticeDocuments, NOTICE_TRANSLATIONS } from '../../shared/notice/default-notices.ts';
import { translateNotice } from '../../shared/notice/translation.ts';
import { de as extDe } from '../../extension/messages/de.ts';
import { en as extEn } from '../../extension/messages/en.ts';
import { fr as extFr } from '../../extension/messages/fr.ts';
import { nl as extNl } from '../../extension/messages/nl.ts';

const documents = await defaultNoticeDocuments();
const english = documents.find((d) => d.locale === 'en')!;
const translations = documents.filter((d) => d.locale !== 'en');

/**
 * Paths (array indices written `[]`) whose strings are facts: the same in every language. Every other string
 * is text and must be translated. A string field added to the notice later counts as text until listed here.
 */
const FACTS = new Set([
  'schemaVersion',
  'version',
  'effectiveDate',
  'controller.name',
  'controller.address.street',
  'controller.address.postalCode',
  'controller.address.city',
  'controller.email',
  'processing.rows[].id',
  'processing.rows[].apps[]',
  'processing.rows[].legalBases[]',
  'categories[].id',
  'residency.provider',
  'residency.regions[].region',
  'sharing.cases[].id',
  'rights.items[].id',
  'rights.howToExercise.email',
  'complaint.authority.phones[]',
  'complaint.authority.fax',
  'purposes[].id',
  'purposes[].kind',
  'purposes[].legalBasis',
  'purposes[].processingRow',
  'purposes[].apps[]',
  'purposes[].gpc',
  'purposes[].retention.period',
]);

/** The authority's own names and sites differ per language, so their lists may differ in length too. */
const OWN_LISTS = new Set(['complaint.authority.names', 'complaint.authority.websites']);

/** Texts that may read the same as the English: proper names and postal addresses, and words German shares. */
const SAME_AS_ENGLISH: Record<string, ReadonlySet<string>> = {
  nl: new Set(['Hessenplein 2, 2000 Antwerpen', 'Twikit NV']),
  // The seed gives the authority's address in French.
  fr: new Set(['Hessenplein 2, 2000 Antwerpen', 'Rue de la Presse 35, 1000 Bruxelles', 'Twikit NV']),
  de: new Set(['Hessenplein 2, 2000 Antwerpen', 'Name', 'E-Mail', 'Twikit NV']),
};

interface Pair {
  path: string;
  en: string;
  text: string;
}

/** Walks both documents together: checks structure and facts, and returns each text with its English. */
function compare(en: unknown, tr: unknown, path: string, problems: string[], texts: Pair[]): void {
  const where = path || '(root)';
  if (Array.isArray(en)) {
    if (!Array.isArray(tr)) return void problems.push(`${where}: not an array`);
    if (OWN_LISTS.has(path)) {
      texts.push({ path, en: en.join(' | '), text: tr.join(' | ') });
      return;
    }
    if (en.length !== tr.length) return void problems.push(`${where}: ${tr.length} entries, English ${en.length}`);
    for (const [i, item] of en.entries()) compare(item, tr[i], `${path}[]`, problems, texts);
    return;
  }
  if (en !== null && typeof en === 'object') {
    if (tr === null || typeof tr !== 'object') return void problems.push(`${where}: not an object`);
    const skip = path === '' ? ['locale', 'translationOf', 'contentHash'] : [];
    const keys = (o: object) =>
      Object.keys(o).filter((k) => !skip.includes(k) && (o as Record<string, unknown>)[k] !== undefined);
    const enKeys = keys(en).sort();
    const trKeys = keys(tr).sort();
    if (enKeys.join() !== trKeys.join()) return void problems.push(`${where}: keys ${trKeys}, English ${enKeys}`);
    for (const key of enKeys) {
      compare(
        (en as Record<string, unknown>)[key],
        (tr as Record<string, unknown>)[key],
        path ? `${path}.${key}` : key,
        problems,
        texts,
      );
    }
    return;
  }
  if (typeof en === 'string' && !FACTS.has(path)) {
    if (typeof tr !== 'string') return void problems.push(`${where}: not a string`);
    texts.push({ path, en, text: tr });
    return;
  }
  if (en !== tr) problems.push(`${where}: ${JSON.stringify(tr)} differs from the English fact ${JSON.stringify(en)}`);
}

function textsOf(doc: NoticeDocument): Pair[] {
  const problems: string[] = [];
  const texts: Pair[] = [];
  compare(english, doc, '', problems, texts);
  expect(problems).toEqual([]);
  return texts;
}

describe('the notice in Dutch, French and German', () => {
  it('R13: the notice is published in English, Dutch, French and German', () => {
    expect(documents.map((d) => d.locale).sort()).toEqual(['de', 'en', 'fr', 'nl']);
  });

  it.each(translations.map((d) => [d.locale, d] as const))(
    'R13: the %s notice validates against the contract, as the same version with its own hash',
    async (_locale, doc) => {
      const parsed = z.safeParse(NoticeDocument, doc);
      expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 5))).toBe(true);
      expect(doc.version).toBe(english.version);
      expect(doc.effectiveDate).toBe(english.effectiveDate);
      expect(doc.contentHash).toBe(await noticeContentHash(doc));
      expect(doc.contentHash).not.toBe(english.contentHash);
    },
  );

  it('R13: English is the original and prevails: only translations name the English text they translate, by its hash', async () => {
    expect(english.translationOf).toBeUndefined();
    // The English document is the seed's, published as it was before translations existed.
    expect(english.contentHash).toBe(await noticeContentHash(defaultNoticeEn));
    for (const doc of translations)
      expect(doc.translationOf).toEqual({ locale: 'en', contentHash: english.contentHash });
  });

  it.each(translations.map((d) => [d.locale, d] as const))(
    'R13: the %s notice has the English structure, ids and facts; only its text differs',
    (_locale, doc) => {
      expect(textsOf(doc).length).toBeGreaterThan(80);
    },
  );

  it.each(translations.map((d) => [d.locale, d] as const))(
    'R13: no text of the %s notice is left as the English, except names and addresses',
    (locale, doc) => {
      const allowed = SAME_AS_ENGLISH[locale]!;
      const untranslated = textsOf(doc).filter((p) => p.text === p.en && !allowed.has(p.text));
      expect(untranslated.map((p) => `${p.path}: ${p.text}`)).toEqual([]);
    },
  );

  it.each(translations.map((d) => [d.locale, d] as const))(
    'R13: the %s notice has no leftover English words',
    (_locale, doc) => {
      // Words that occur in nearly every English sentence of the notice and in no Dutch, French or German one.
      const englishWords =
        /\b(the|and|your|you|with|our|which|this|that|will|may|shall|data|personal|processing|consent|share|rights)\b/i;
      const leftovers = textsOf(doc)
        .filter((p) => !/^https?:|@/.test(p.text))
        .filter((p) => englishWords.test(p.text))
        .map((p) => `${p.path}: ${p.text.match(englishWords)?.[0]} in “${p.text}”`);
      expect(leftovers).toEqual([]);
    },
  );

  it('R13: each language names the Belgian authority with its official name, address and site in that language', () => {
    const byLocale = Object.fromEntries(documents.map((d) => [d.locale, d.complaint.authority]));
    expect(byLocale.nl).toMatchObject({
      names: ['Gegevensbeschermingsautoriteit'],
      address: 'Drukpersstraat 35, 1000 Brussel',
      websites: ['https://www.gegevensbeschermingsautoriteit.be'],
    });
    expect(byLocale.fr).toMatchObject({
      names: ['Autorité de protection des données'],
      address: 'Rue de la Presse 35, 1000 Bruxelles',
      websites: ['https://www.autoriteprotectiondonnees.be'],
    });
    expect(byLocale.de).toMatchObject({
      names: ['Datenschutzbehörde'],
      address: 'Rue de la Presse 35, 1000 Brüssel',
      websites: ['https://www.datenschutzbehorde.be'],
    });
    for (const doc of translations) {
      expect(doc.complaint.authority.phones).toEqual(english.complaint.authority.phones);
      expect(doc.complaint.authority.fax).toBe(english.complaint.authority.fax);
    }
  });

  it('R13: each region has one name per language: the notice and the extension’s region choice agree', () => {
    const labels = { en: extEn, nl: extNl, fr: extFr, de: extDe };
    for (const doc of documents) {
      const messages = labels[doc.locale as keyof typeof labels];
      for (const { region, residents } of doc.residency.regions) {
        expect(messages[`options.region.${region}`], `${doc.locale} ${region}`).toBe(residents);
      }
    }
  });

  it('R13: what a purpose does comes from the English document; a translation gives only its words', async () => {
    // An English version whose facts differ from the default's, translated with the default's texts (plus
    // facts smuggled into the translation object, which must be ignored).
    const [first, ...rest] = defaultNoticeEn.purposes;
    const changed = {
      ...defaultNoticeEn,
      purposes: [
        {
          ...first!,
          recipients: first!.recipients.map((r) => ({ ...r, thirdParty: !r.thirdParty })),
          retention: { ...first!.retention, period: 'P30D' },
        },
        ...rest.map((p) => ({ ...p, acceptAll: !p.acceptAll && p.kind === 'consent', gpc: undefined })),
      ],
    };
    const nl = NOTICE_TRANSLATIONS.find((t) => t.locale === 'nl')!;
    const smuggled = Object.fromEntries(
      Object.entries(nl.purposes).map(([id, text]) => [id, { ...text, acceptAll: true, gpc: 'off', kind: 'consent' }]),
    ) as typeof nl.purposes;
    const doc = await translateNotice(changed, { ...nl, purposes: smuggled });
    for (const [i, purpose] of doc.purposes.entries()) {
      const en = changed.purposes[i]!;
      const { title, name, description, dataTypes, recipients, retention } = nl.purposes[en.id]!;
      expect(purpose).toEqual({
        ...en,
        title,
        name,
        description,
        dataTypes,
        recipients: en.recipients.map((r, j) => ({ ...r, name: recipients[j] })),
        retention: { ...en.retention, text: retention },
      });
    }
    expect(doc.purposes[0]!.retention.period).toBe('P30D');
  });

  it('a translation that drops a sentence or a purpose is refused when the notice is built', async () => {
    const nl = NOTICE_TRANSLATIONS.find((t) => t.locale === 'nl')!;
    await expect(translateNotice(defaultNoticeEn, { ...nl, general: nl.general.slice(1) })).rejects.toThrow(
      /general has 1 entries, the English 2/,
    );
    const { telemetry: _dropped, ...purposes } = nl.purposes;
    await expect(translateNotice(defaultNoticeEn, { ...nl, purposes: purposes as typeof nl.purposes })).rejects.toThrow(
      /purposes has no text for "telemetry"/,
    );
  });
});
