export { canonicalJson } from './canonical-json.ts';
export { noticeContentHash, withContentHash } from './content-hash.ts';
export { defaultNoticeEn } from './default-notice.ts';
