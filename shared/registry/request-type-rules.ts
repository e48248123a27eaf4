import { REQUEST_TYPE_REGISTRY, type RequestTypeEntry } from './request-types.ts';

// What follows from the request-type registry, for the server and the clients alike.

/** A type whose completed requests carry an export (access, portability). */
export type ExportType = Extract<(typeof REQUEST_TYPE_REGISTRY)[number], { hasExport: true }>['id'];

/** The registry entry of a request type. */
export const requestTypeOf = (type: string): RequestTypeEntry | undefined =>
  REQUEST_TYPE_REGISTRY.find((t) => t.id === type);

/** The types whose completed requests carry an export, in registry order. */
export const exportTypes = (): ExportType[] =>
  REQUEST_TYPE_REGISTRY.flatMap((t) => ('hasExport' in t ? [t.id as ExportType] : []));

/** True when a completed request of this type carries an export to download. */
export const hasExport = (type: string): type is ExportType => requestTypeOf(type)?.hasExport ?? false;

/** True when completing a request of this type erases data (an operator confirms it with a fresh code). */
export const erasesData = (type: string): boolean => requestTypeOf(type)?.erases ?? false;
