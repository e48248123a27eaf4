import type * as z from 'zod/mini';
import * as contract from '../../shared/contract/index.ts';

/**
 * The contract schemas the OpenAPI document names: each is written once under `components.schemas` and every
 * use of it, in a path or inside another schema, becomes a `$ref`. Component names are the contract's export
 * names (the list is checked against the exports), so `shared/contract` needs no ids and stays free of
 * registration side effects for the browser bundle. The order is the order of `components.schemas`.
 *
 * Name a schema here when it is large or used in more than one place; one-off endpoint bodies stay inline.
 */
const names = [
  'Problem',
  'FieldError',
  'NoticeResponse',
  'NoticeDocument',
  'ProcessingRow',
  'Purpose',
  'Surface',
  'ConsentRecord',
  'ConsentState',
  'PurposeState',
  'ConsentReceipt',
  'SessionResult',
  'Me',
  'RightsRequest',
  'RightsRequestInput',
  'AccessInput',
  'RectificationInput',
  'ErasureInput',
  'RestrictionInput',
  'PortabilityInput',
  'ObjectionInput',
  'AccountDeletionInput',
  'RequestEvent',
  'DeletionOutcome',
  'TransitionInput',
  'AdminRequestView',
  'ExportDocument',
  'LedgerCheckpoint',
  'NoticeRelease',
  'ConsoleMe',
  'OperatorRole',
  'ApiKey',
  'AuditEntry',
  'QueueFlags',
  'Uuid',
  'Timestamp',
  'IsoDate',
  'Locale',
  'AppId',
  'LegalBasis',
  'PurposeId',
  'RequestType',
  'RequestStatus',
  'SystemProgress',
  'SystemExport',
  'SystemJob',
  'KeptItem',
  'JobState',
  'SystemId',
  'SystemHandles',
  'JobEvent',
  'JobResult',
  'JobBody',
] as const satisfies readonly (keyof typeof contract)[];

/** Component name → contract schema. */
export const componentSchemas: ReadonlyMap<string, z.core.$ZodType> = new Map(
  names.map((name): [string, z.core.$ZodType] => [name, contract[name]]),
);
