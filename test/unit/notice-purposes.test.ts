// Purposes come from the notice (issue 13.1): the rules the server and the clients apply are computed from the
// purposes of the notice in force, and the contract refuses a notice whose purposes break them.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { NoticeDocument, Purpose } from '../../shared/contract/notice.ts';
import { withContentHash } from '../../shared/notice/content-hash.ts';
import { defaultNoticeEn } from '../../shared/notice/default-notice.ts';
import {
  acceptAllDecisions,
  acceptAllPurposes,
  gpcDecisionsNeeded,
  gpcKeepsOff,
  gpcTargets,
  justInTimePurposes,
} from '../../shared/notice/purpose-rules.ts';

const [special, shared, objection] = [
  defaultNoticeEn.purposes.find((p) => p.specialCategory)!,
  defaultNoticeEn.purposes.find((p) => p.acceptAll)!,
  defaultNoticeEn.purposes.find((p) => p.kind === 'objection')!,
];

/** A notice version that adds a newsletter (consent, in "accept all") and retires the objection purpose. */
const changed = [
  special,
  shared,
  { ...shared, id: 'newsletter', gpc: undefined, title: 'Newsletter', name: 'the newsletter' },
].map(({ gpc, ...p }) => (gpc ? { ...p, gpc } : p));

const off = (id: string) => ({ purpose: id, active: false });

describe('the rules of a notice', () => {
  it('R22: a special-category purpose is never part of "accept all", even from a notice that says so', () => {
    const sloppy = [{ ...special, acceptAll: true }];
    expect(acceptAllPurposes(sloppy)).toEqual([]);
    expect(acceptAllDecisions(sloppy, true, () => false)).toEqual([]);
    expect(z.safeParse(Purpose, sloppy[0]).success).toBe(false);
    expect(justInTimePurposes(defaultNoticeEn.purposes)).toEqual([special.id]);
  });

  it('R17, R22: "accept all" grants what the notice marks; "reject all" also withdraws any other consent given, except one asked just in time', () => {
    expect(acceptAllDecisions(defaultNoticeEn.purposes, true, () => false)).toEqual([
      { purpose: shared.id, decision: 'grant' },
    ]);
    // A body-scan consent is given and withdrawn only in its own step and in "Your choices": rejecting all on the
    // first layer leaves it as it is.
    expect(acceptAllDecisions(defaultNoticeEn.purposes, false, (id) => id === special.id)).toEqual([
      { purpose: shared.id, decision: 'deny' },
    ]);
    // Another consent given outside "accept all" (here a newsletter) is withdrawn by "reject all", the body scan not.
    const withNewsletter = [...changed.slice(0, 2), { ...changed[2]!, acceptAll: false }];
    expect(acceptAllDecisions(withNewsletter, false, () => true)).toEqual([
      { purpose: shared.id, decision: 'deny' },
      { purpose: 'newsletter', decision: 'deny' },
    ]);
    // A newer notice that adds a purpose to "accept all": the same buttons cover it, nothing else changes.
    expect(acceptAllDecisions(changed, true, () => false).map((d) => d.purpose)).toEqual([shared.id, 'newsletter']);
  });

  it('R28: GPC turns off and objects to what the notice says, and never gives consent', () => {
    expect(gpcTargets(defaultNoticeEn.purposes)).toEqual([
      [shared.id, false],
      [objection.id, true],
    ]);
    const state = defaultNoticeEn.purposes.map((p) => ({ purpose: p.id, active: p.kind === 'consent' }));
    expect(gpcDecisionsNeeded(defaultNoticeEn.purposes, state, true)).toEqual([
      { purpose: shared.id, decision: 'deny' },
      { purpose: objection.id, decision: 'object' },
    ]);
    expect(gpcDecisionsNeeded(defaultNoticeEn.purposes, state, false)).toEqual([]);
    // The retired objection purpose is no longer objected to by GPC; the added purpose GPC says nothing of.
    expect(
      gpcDecisionsNeeded(
        changed,
        changed.map((p) => off(p.id)),
        true,
      ),
    ).toEqual([]);
    expect(gpcKeepsOff(changed)).toEqual([shared.id]);
  });
});

describe('the notice contract', () => {
  it('takes a notice version with other purposes (added, changed, retired)', async () => {
    const next = await withContentHash({ ...defaultNoticeEn, version: '2027-01-01', purposes: changed });
    expect(z.safeParse(NoticeDocument, next).success).toBe(true);
  });

  it('refuses purposes that break a rule: GPC giving consent, an objection in "accept all", an id twice', async () => {
    const broken = [
      [{ ...shared, gpc: 'objected' }],
      [{ ...objection, acceptAll: true }],
      [{ ...objection, justInTime: true }],
      [shared, shared],
      [{ ...shared, id: 'Not An Id' }],
      [{ ...shared, recipients: [] }],
    ];
    for (const purposes of broken) {
      const doc = await withContentHash({ ...defaultNoticeEn, purposes } as never);
      expect(z.safeParse(NoticeDocument, doc).success, JSON.stringify(purposes).slice(0, 80)).toBe(false);
    }
  });
});
