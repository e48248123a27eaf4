import type { Region } from '../../shared/contract/common.ts';

/** Who is calling: a user with a proven identity, or a pseudonymous device (consents only). */
export type Principal =
  | {
      kind: 'user';
      subjectId: string;
      via: 'host-token' | 'email-session';
      email: string | null;
      region: Region | null;
      tokenHash: string | null;
    }
  | { kind: 'device'; subjectId: string; via: 'device'; region: Region | null; tokenHash: string };
