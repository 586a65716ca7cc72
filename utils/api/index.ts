/** Public surface of the Click Map API v1 response schemas and types. */
export * from './report-schemas.ts';
export * from './catalog-schemas.ts';
export type * from './types.ts';
export * from './event-schema.ts';
export * from './scalars.ts';
