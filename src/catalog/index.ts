export * from './criteria.ts';
export * from './description-criteria.ts';
export * from './coso.ts';
export * from './points-of-focus.ts';
export * from './iso27001.ts';
export * from './hipaa.ts';
export * from './csf.ts';
export * from './frameworks.ts';
