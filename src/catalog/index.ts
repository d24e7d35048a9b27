export * from './criteria.ts';
export * from './description-criteria.ts';
export * from './coso.ts';
export * from './points-of-focus.ts';
