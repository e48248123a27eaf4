// Web Crypto and btoa only: the same code hashes the notice in the server, the widget and the extension.
import type { NoticeDocument } from '../contract/notice.ts';
import { canonicalJson } from './canonical-json.ts';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** `sha256-<base64>` of the UTF-8 canonical JSON of the document without its `contentHash` field (R12). */
export async function noticeContentHash(doc: Omit<NoticeDocument, 'contentHash'> | NoticeDocument): Promise<string> {
  // The hash cannot cover itself, so it is left out whether or not the document already carries one.
  const { contentHash: _ignored, ...content } = doc as Partial<Pick<NoticeDocument, 'contentHash'>> &
    Omit<NoticeDocument, 'contentHash'>;
  const bytes = new TextEncoder().encode(canonicalJson(content));
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return `sha256-${toBase64(new Uint8Array(digest))}`;
}

/** The document with its `contentHash` filled in. */
export async function withContentHash(doc: Omit<NoticeDocument, 'contentHash'>): Promise<NoticeDocument> {
  return { ...doc, contentHash: await noticeContentHash(doc) };
}
