import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { JobResult } from '../../shared/contract/systems.ts';
import { seedUsers } from './seed.ts';

// TwikFit's own data, apart from the rights API's database: what a product team's backend holds. A JSON file
// (or memory) is enough for the demo; every change is written whole and renamed into place, so a crash leaves the
// old file or the new one, never half of one.

export interface Design {
  id: string;
  name: string;
  model: string;
  sizeEu: number;
  createdAt: string;
}
/** A foot scan as TwikFit keeps it: metadata and measurements (the images stay on the phone). */
export interface Scan {
  id: string;
  foot: 'left' | 'right';
  takenAt: string;
  device: string;
  measurements: { lengthMm: number; widthMm: number; archHeightMm: number };
}
export interface Invoice {
  number: string;
  date: string;
  amountEur: number;
  billedTo: { name: string; email: string };
}
export interface TwikfitUser {
  sub: string;
  /** Null once the account is deleted (the invoices the law makes TwikFit keep remain). */
  profile: { name: string; email: string; shoeSizeEu: number; createdAt: string } | null;
  designs: Design[];
  scans: Scan[];
  invoices: Invoice[];
  restriction: { ground: string; since: string } | null;
  objections: { scope: string; processing?: string; at: string }[];
  consentChanges: { change: Record<string, unknown>; at: string }[];
  notes: { text: string; at: string }[];
}
export interface TwikfitState {
  users: TwikfitUser[];
  /** Answered jobs by `webhook-id`: a job delivered twice is answered with the result it already had. */
  answered: Record<string, JobResult>;
}

export interface TwikfitStore {
  /** A copy of the state (changes go through `update`). */
  read(): TwikfitState;
  /** Applies one change and writes it before resolving; changes run one at a time, in call order. */
  update<T>(change: (state: TwikfitState) => T): Promise<T>;
}

/** The person a job is about: by the app's own id first, then by e-mail (profile or invoice). */
export function findUser(
  state: TwikfitState,
  subject: { hostSubject: string | null; email: string | null },
): TwikfitUser | undefined {
  const email = subject.email?.toLowerCase();
  return (
    (subject.hostSubject ? state.users.find((u) => u.sub === subject.hostSubject) : undefined) ??
    (email
      ? state.users.find(
          (u) =>
            u.profile?.email.toLowerCase() === email ||
            u.invoices.some((i) => i.billedTo.email.toLowerCase() === email),
        )
      : undefined)
  );
}

/** Opens the store at `path` (seeded with the demo users when the file does not exist yet), or in memory. */
export async function openTwikfitStore(path?: string): Promise<TwikfitStore> {
  let state: TwikfitState = { users: seedUsers(), answered: {} };
  if (path) {
    try {
      state = JSON.parse(await readFile(path, 'utf8')) as TwikfitState;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await mkdir(dirname(path), { recursive: true });
      await save(path, state);
    }
  }
  let queue: Promise<unknown> = Promise.resolve();
  return {
    read: () => structuredClone(state),
    update<T>(change: (s: TwikfitState) => T): Promise<T> {
      const run = queue.then(async () => {
        const next = structuredClone(state);
        const result = change(next);
        if (path) await save(path, next);
        state = next;
        return result;
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

async function save(path: string, state: TwikfitState): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(state, null, 2));
  await rename(temporary, path);
}
