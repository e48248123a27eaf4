import type { ApiBases } from './api-bases.ts';

declare const __TWIKIT_API_BASES__: ApiBases;

/** The rights API per region, fixed at build time (extension/api-bases.ts). */
export const API_BASES: ApiBases = __TWIKIT_API_BASES__;
