export * from './apps.ts';
export * from './locales.ts';
export * from './request-type-rules.ts';
export * from './request-types.ts';
export * from './operator-roles.ts';
