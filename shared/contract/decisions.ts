// The kinds of purpose and the decisions each takes, as plain data: the first-load core (purpose-rules.ts, the
// consent model) reads them without carrying zod; the zod schemas in purpose.ts are built from them.

/** The decisions each kind of purpose takes, the one that turns it on first (consent given / objection in force). */
export const DECISIONS = {
  consent: ['grant', 'deny'],
  objection: ['object', 'withdraw-objection'],
} as const;

/** `consent`: opt-in, off until given. `objection`: processing on legitimate interest the person may object to (Art. 21). */
export type PurposeKind = keyof typeof DECISIONS;
export type Decision = (typeof DECISIONS)[PurposeKind][number];
