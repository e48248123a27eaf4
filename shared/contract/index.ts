export * from './common.ts';
export * from './problem.ts';
export * from './notice.ts';
export * from './consent.ts';
export * from './requests.ts';
export * from './auth.ts';
export * from './endpoints.ts';
export * from './paging.ts';
