import { describe, expect, it } from 'vitest';
import type { RightsRequest } from '../../shared/contract/requests.ts';
import { requestMail } from '../../server/services/person-mail.ts';

const request = (locale: string): RightsRequest =>
  ({
    id: '11111111-1111-4111-8111-111111111111',
    type: 'access',
    status: 'completed',
    dueAt: '2026-12-31',
    statusReason: null,
    extensionReason: null,
    input: { type: 'access', locale, surface: { kind: 'api' } },
    systems: [],
  }) as unknown as RightsRequest;

describe('the e-mails that tell a person about their request', () => {
  it('link a completed request to the privacy center, with how to open "Your requests" there, in the request\'s language', () => {
    const fr = requestMail(request('fr'), 'completed', 'https://twikfit.example/');
    expect(fr.text).toContain('ouvrez https://twikfit.example/');
    expect(fr.text).toContain('« Vos demandes »');
    const de = requestMail(request('de'), 'completed', 'https://twikfit.example/');
    expect(de.text).toContain('„Ihre Anträge“');
  });

  it('without a privacy center, say where "Your requests" is, and never link an API URL a mail cannot open', () => {
    for (const locale of ['en', 'nl', 'fr', 'de']) {
      const mail = requestMail(request(locale), 'completed', undefined);
      expect(mail.text).not.toMatch(/https?:\/\/(?!www\.)/);
      expect(mail.text).not.toContain('/v1/requests/');
    }
    expect(requestMail(request('nl'), 'completed', undefined).text).toContain('„Uw verzoeken”');
  });
});
