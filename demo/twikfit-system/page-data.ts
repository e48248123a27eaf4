import type { TwikfitStore } from './store.ts';

/** What the demo page shows its signed-in user: their designs and scans as TwikFit holds them now. */
export function pageData(store: TwikfitStore, sub: string) {
  const user = store.read().users.find((u) => u.sub === sub);
  return {
    name: user?.profile?.name ?? null,
    designs: (user?.designs ?? []).map(({ name, sizeEu, createdAt }) => ({ name, sizeEu, createdAt })),
    scans: (user?.scans ?? []).map(({ foot, takenAt, measurements }) => ({ foot, takenAt, measurements })),
  };
}
