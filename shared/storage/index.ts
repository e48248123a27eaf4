export { memoryCache, openCache, type Cache } from './cache.ts';
