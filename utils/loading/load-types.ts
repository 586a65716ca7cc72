/** Shared shape of the report loaders: a cache lookup keyed by the request's parts. */
export type Cached = <T>(key: unknown[], load: () => Promise<T>) => Promise<T>;
