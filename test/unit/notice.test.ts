import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NoticeDocument } from '../../shared/contract/notice.ts';
import { canonicalJson } from '../../shared/notice/canonical-json.ts';
import { noticeContentHash, withContentHash } from '../../shared/notice/content-hash.ts';
import { defaultNoticeEn } from '../../shared/notice/default-notice.ts';

// The notice as published, kept in the repo beside the data made from it (shared/notice/seed/).
const seed = readFileSync(new URL('../../shared/notice/seed/privacy-notice.txt', import.meta.url), 'utf8');

/** Collapse whitespace (the seed has stray non-breaking spaces) so only words and punctuation count. */
const norm = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Every string in a value, depth first. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

// The five table lines lost their cell borders; they are checked cell by cell against the rows below.
const isTableLine = (line: string): boolean =>
  /^(Types of personal Data|Account User Data|Telemetry Data|Support Data|Biometric Data)/.test(line);

// Section headings the schema has no slot for: its structure replaces them.
const SECTION_HEADINGS = new Set([
  'General',
  'Responsible for processing:',
  'What personal data do we process and how do we use it?',
  'Transfer, storage, and removal of data',
  'How we share data',
  'Data security',
  'Your Rights',
]);

// Lead-ins the schema has no text field for; `categories` (exactly three) carries what it says.
const LEAD_INS_WITHOUT_FIELD = new Set(['The data we store can be divided into three categories:']);

/** Seed lines as prose: whitespace normalised, bullets stripped, blanks dropped. */
const seedLines = seed
  .split(/\r?\n/)
  .map((line) => norm(line).replace(/^• /, ''))
  .filter((line) => line !== '');

describe('the default notice', () => {
  it('parses with NoticeDocument once it has its hash', async () => {
    const result = NoticeDocument.safeParse(await withContentHash(defaultNoticeEn));
    if (!result.success) console.error(JSON.stringify(result.error.issues, null, 2));
    expect(result.success).toBe(true);
  });

  it('R12: the notice carries a version id, an effective date and a content hash', async () => {
    const doc = await withContentHash(defaultNoticeEn);
    expect(doc.version).toBe('2026-12-03');
    expect(doc.effectiveDate).toBe('2026-12-03');
    expect(doc.contentHash).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);
    // The hash ignores the field that holds it, so re-hashing a hashed document gives the same value.
    expect(await noticeContentHash(doc)).toBe(doc.contentHash);

    // Any text change, however small, changes the hash.
    const edited = structuredClone(defaultNoticeEn);
    edited.retention.selfDeletion = 'Customers can delete their own account.';
    expect(await noticeContentHash(edited)).not.toBe(doc.contentHash);
    const editedRow = structuredClone(defaultNoticeEn);
    editedRow.processing.rows[3]!.uses[0] = 'To create a design';
    expect(await noticeContentHash(editedRow)).not.toBe(doc.contentHash);

    // Key order does not matter: the same content written in reverse order hashes the same.
    const reversed = JSON.parse(
      JSON.stringify(defaultNoticeEn, (_key, value: unknown) =>
        value !== null && typeof value === 'object' && !Array.isArray(value)
          ? Object.fromEntries(Object.entries(value).reverse())
          : value,
      ),
    ) as typeof defaultNoticeEn;
    expect(Object.keys(reversed)[0]).toBe('purposes');
    expect(await noticeContentHash(reversed)).toBe(doc.contentHash);
  });

  it('hashes the canonical JSON: sorted keys, no whitespace, undefined members dropped', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x', null], c: undefined, b: true } })).toBe(
      '{"a":{"b":true,"d":[1,"x",null]},"b":1}',
    );
  });

  it('the seed’s prose is carried verbatim', () => {
    const haystack = strings(defaultNoticeEn).map(norm).join('\n');
    const { controller: c, complaint, categories } = defaultNoticeEn;
    // Lines the document holds as structured fields: rebuilt from those fields, they must give the seed line back.
    const rebuilt = new Set([
      `${c.name}, with registered office at ${c.address.street}, ${c.address.postalCode} ${c.address.city}, ${c.address.country} (${c.registration}).`,
      `E-mail: ${c.email}`,
      complaint.authority.names.join(' – / '),
      `${complaint.authority.phones.join(' or ')}/ Fax: ${complaint.authority.fax ?? ''}`,
      ...categories.flatMap((cat) => [`${cat.label}: ${cat.description}`, `${cat.label} ${cat.description}`]),
      // Rights whose heading runs into their text on one seed line.
      ...defaultNoticeEn.rights.items.map((right) => `${right.title} ${right.paragraphs.join(' ')}`),
    ]);

    const missing: string[] = [];
    for (const line of seedLines) {
      if (isTableLine(line) || SECTION_HEADINGS.has(line) || LEAD_INS_WITHOUT_FIELD.has(line) || rebuilt.has(line))
        continue;
      for (const sentence of line.split(/(?<=[.!?:;])\s+/)) {
        if (!haystack.includes(sentence)) missing.push(sentence);
      }
    }
    expect(missing, `seed sentences missing from the notice:\n${missing.join('\n')}`).toEqual([]);
  });

  it('carries no notice text the seed does not have (purposes aside)', () => {
    const seedText = norm(seed);
    // Purposes are our derived words; title, version and enum-like values are not notice prose.
    const {
      purposes: _purposes,
      title: _title,
      version: _v,
      effectiveDate: _d,
      locale: _l,
      ...notice
    } = defaultNoticeEn;
    const withoutEnums = JSON.parse(
      JSON.stringify(notice, (key, value: unknown) =>
        ['id', 'region', 'apps', 'legalBases'].includes(key) ? undefined : value,
      ),
    ) as unknown;
    const invented = strings(withoutEnums).filter((text) => !seedText.includes(norm(text)));
    expect(invented, `strings not found in the seed:\n${invented.join('\n')}`).toEqual([]);
  });

  it('the four processing rows match the decoded table', () => {
    const rows = defaultNoticeEn.processing.rows;
    expect(rows.map((r) => r.id)).toEqual(['account', 'telemetry', 'support', 'biometric']);
    expect(rows.map((r) => r.dataType)).toEqual([
      'Account User Data',
      'Telemetry Data',
      'Support Data',
      'Biometric Data',
    ]);

    const all = ['twikit_live', 'twikit_create', 'twikfit', 'admin_portal'];
    expect(rows.map((r) => r.apps)).toEqual([all, all, all, ['twikfit']]);
    expect(rows.map((r) => r.legalBases)).toEqual([
      ['contract', 'legitimate_interests'],
      ['contract', 'legitimate_interests', 'vital_interests', 'legal_obligation'],
      ['contract', 'legitimate_interests'],
      ['explicit_consent'],
    ]);
    expect(rows.map((r) => r.usesOpenEnded)).toEqual([true, true, false, false]);
    expect(rows.filter((r) => r.specialCategory).map((r) => r.id)).toEqual(['biometric']);
    expect(rows.find((r) => r.id === 'telemetry')?.what.items.map((i) => i.label)).toEqual([
      'Feature Usage Data',
      'Performance Data',
      'Service Logs',
    ]);

    // Each row's cells are the seed's text, found in that row's line of the borderless table.
    const tableLines = seedLines.filter(isTableLine).slice(1);
    expect(tableLines).toHaveLength(4);
    rows.forEach((row, index) => {
      const line = tableLines[index] ?? '';
      const cells = [row.dataType, row.what.summary, row.howObtained, ...row.uses, ...strings(row.what.items)];
      expect(
        cells.filter((cell) => !line.includes(cell)),
        `cells of row ${row.id} not in its seed line`,
      ).toEqual([]);
      // An open-ended list is one whose last use is followed by "…" in the seed.
      expect(line.includes(`${row.uses.at(-1) ?? ''}…`)).toBe(row.usesOpenEnded);
    });
  });

  it('R1: the notice names Twikit NV, its Antwerp address and a privacy contact', () => {
    const { controller } = defaultNoticeEn;
    expect(controller.name).toBe('Twikit NV');
    expect(controller.address).toEqual({
      street: 'Hessenplein 2',
      postalCode: '2000',
      city: 'Antwerpen',
      country: 'Belgium',
    });
    expect(controller.email).toBe('privacy@twikit.com');
    expect(controller.contactNote).toContain('privacy@twikit.com');
    // The notice designates no DPO; null records that rather than hiding it.
    expect(controller.dpo).toBeNull();
  });

  it('R5: storage is shown by residence: AWS Ireland for the EEA, California for the USA and Canada', () => {
    const { residency } = defaultNoticeEn;
    expect(residency.provider).toBe('Amazon AWS');
    expect(residency.regions).toEqual([
      { region: 'eea', residents: 'European Economic Area (EEA)', location: 'Ireland' },
      { region: 'us_ca', residents: 'USA or Canada', location: 'California, United States' },
    ]);
    expect(residency.transfers.safeguards.join(' ')).toContain('standard contractual clauses');
  });

  it('R7: the complaint authority is the Belgian DPA at Rue de la Presse 35', () => {
    const { authority } = defaultNoticeEn.complaint;
    expect(authority.address).toBe('Rue de la Presse 35, 1000 Bruxelles');
    expect(authority.names).toEqual(['De Gegevensbechermingsautoriteit', 'Autorité de protection des données']);
    expect(authority.phones).toEqual(['02 274 48 00', '02 274 48 79']);
    expect(authority.fax).toBe('02 274 48 35');
    expect(authority.websites).toContain('https://www.dataprotectionauthority.be');
    expect(defaultNoticeEn.rights.items.map((r) => r.id)).toContain('complaint');
  });

  it('consent purposes: biometric scans and third-party sharing are opt-in consents, telemetry is an objection', () => {
    const byId = new Map(defaultNoticeEn.purposes.map((p) => [p.id, p]));
    expect([...byId.keys()]).toEqual(['biometric_scans', 'third_party_sharing', 'telemetry']);

    const scans = byId.get('biometric_scans');
    expect(scans).toMatchObject({
      kind: 'consent',
      legalBasis: 'explicit_consent',
      specialCategory: true,
      processingRow: 'biometric',
      apps: ['twikfit'],
      justInTime: true,
      acceptAll: false,
    });
    expect(scans?.gpc).toBeUndefined();
    expect(byId.get('third_party_sharing')).toMatchObject({
      kind: 'consent',
      legalBasis: 'consent',
      specialCategory: false,
      apps: [],
      acceptAll: true,
      gpc: 'off',
    });
    expect(byId.get('telemetry')).toMatchObject({
      kind: 'objection',
      legalBasis: 'legitimate_interests',
      processingRow: 'telemetry',
      justInTime: false,
      acceptAll: false,
      gpc: 'objected',
    });
    // Sharing "With Consent" goes outside Twikit, in the sharing section's words; the others stay with Twikit and
    // the processors working for it.
    expect(byId.get('third_party_sharing')?.recipients).toContainEqual({
      name: 'companies, organizations, individuals outside, and others',
      thirdParty: true,
    });
    for (const id of ['biometric_scans', 'telemetry'])
      expect(byId.get(id)?.recipients.some((r) => r.thirdParty)).toBe(false);
    for (const purpose of defaultNoticeEn.purposes) {
      expect(purpose.recipients[0]?.name).toBe(defaultNoticeEn.controller.name);
      expect(purpose.retention.text.length).toBeGreaterThan(20);
    }

    // Only consent purposes may rest on (explicit) consent, and each governed row must allow that basis.
    for (const purpose of defaultNoticeEn.purposes) {
      expect(purpose.kind === 'consent').toBe(
        purpose.legalBasis === 'consent' || purpose.legalBasis === 'explicit_consent',
      );
      const row = defaultNoticeEn.processing.rows.find((r) => r.id === purpose.processingRow);
      if (purpose.processingRow !== undefined) expect(row?.legalBases).toContain(purpose.legalBasis);
    }
  });
});
