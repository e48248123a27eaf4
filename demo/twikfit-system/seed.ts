import type { TwikfitUser } from './store.ts';

/** The demo host's signed-in user (the `sub` and e-mail of the host tokens it hands the widget). */
export const DEMO_USER = { sub: 'demo-user-1', email: 'demo.user@example.com', name: 'Demo User' } as const;
/** A second TwikFit customer: a job about the first must leave this one untouched. */
export const OTHER_USER = { sub: 'demo-user-2', email: 'other.user@example.com', name: 'Other Customer' } as const;

function customer(
  who: { sub: string; email: string; name: string },
  n: number,
  since: string,
  sizeEu: number,
): TwikfitUser {
  return {
    sub: who.sub,
    profile: { name: who.name, email: who.email, shoeSizeEu: sizeEu, createdAt: `${since}T09:12:00.000Z` },
    designs: [
      { id: `d-${n}-1`, name: 'Everyday Fit', model: 'everyday-fit', sizeEu, createdAt: `${since}T09:30:00.000Z` },
      { id: `d-${n}-2`, name: 'Trail Runner', model: 'trail-runner', sizeEu, createdAt: `${since}T10:05:00.000Z` },
    ],
    scans: (['left', 'right'] as const).map((foot, i) => ({
      id: `s-${n}-${foot}`,
      foot,
      takenAt: `${since}T09:2${i}:00.000Z`,
      device: 'Phone camera (TwikFit app 4.2)',
      measurements: { lengthMm: 262 + n + i, widthMm: 98 + i, archHeightMm: 17 + n },
    })),
    invoices: [
      { number: `TF-2026-00${n}1`, date: since, amountEur: 89, billedTo: { name: who.name, email: who.email } },
    ],
    restriction: null,
    objections: [],
    consentChanges: [],
    notes: [],
  };
}

/** The demo's TwikFit customers, as a fresh store holds them. */
export const seedUsers = (): TwikfitUser[] => [
  customer(DEMO_USER, 1, '2026-03-14', 42),
  customer(OTHER_USER, 2, '2026-05-02', 39),
];
