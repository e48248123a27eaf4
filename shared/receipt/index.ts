export { type ReceiptCheck, type ReceiptJwk, verifySignedReceipt } from './verify.ts';
