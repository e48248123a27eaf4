// The Twikit applications, written once: the contract's `AppId` enum, the notice's "all apps", the widget's
// default app, the app names' message keys and the generated host-page types derive from this list. Data only (test/unit/registries.test.ts
// swaps this module for a longer list).

export interface AppEntry {
  /** Also the key of its name in the UI catalogues: `app.<id>`. */
  readonly id: string;
}

/** The apps named in the notice's processing table; the first is the widget's default. */
export const APP_REGISTRY = [
  { id: 'twikit_live' },
  { id: 'twikit_create' },
  { id: 'twikfit' },
  { id: 'admin_portal' },
] as const satisfies readonly AppEntry[];

export type AppId = (typeof APP_REGISTRY)[number]['id'];
