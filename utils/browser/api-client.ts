/**
 * The background's HTTP client for the Click Map API (ky: timeout, retry on
 * transient failures, bearer token). Every response is validated against the
 * shared valibot schemas before it reaches the rest of the extension; every
 * failure becomes an ApiError whose message a user can act on.
 */
import ky, {
  HTTPError,
  NetworkError,
  SchemaValidationError,
  TimeoutError,
  type StandardSchemaV1,
  type StandardSchemaV1InferOutput,
} from 'ky';
import { HealthSchema } from '../api/index.ts';
import type { Settings } from '../settings/settings.ts';

export type ApiErrorKind =
  'unreachable' | 'timeout' | 'unauthorized' | 'not-found' | 'http' | 'invalid-response';

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | null;
  constructor(kind: ApiErrorKind, message: string, status: number | null = null) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
  }
}

export const REQUEST_TIMEOUT_MS = 10_000;

export function explainError(error: unknown, apiUrl: string): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof TimeoutError) {
    return new ApiError(
      'timeout',
      `${apiUrl} did not answer within ${REQUEST_TIMEOUT_MS / 1000} s.`,
    );
  }
  if (error instanceof HTTPError) {
    const status = error.response.status;
    if (status === 401 || status === 403) {
      return new ApiError(
        'unauthorized',
        `The API refused the token (HTTP ${status}). Check it in the settings.`,
        status,
      );
    }
    if (status === 404)
      return new ApiError(
        'not-found',
        `Not found on the API (HTTP 404): ${error.request.url}`,
        status,
      );
    return new ApiError(
      'http',
      `The API answered HTTP ${status} ${error.response.statusText}.`,
      status,
    );
  }
  if (error instanceof SchemaValidationError) {
    const first = error.issues[0];
    const where =
      first?.path?.map((p) => (typeof p === 'object' ? String(p.key) : String(p))).join('.') ?? '';
    return new ApiError(
      'invalid-response',
      `The API's answer has an unexpected shape${where ? ` at ${where}` : ''}: ${first?.message ?? 'invalid'}.`,
    );
  }
  if (error instanceof SyntaxError) {
    return new ApiError(
      'invalid-response',
      `The API's answer is not valid JSON (${error.message}).`,
    );
  }
  if (error instanceof NetworkError || error instanceof TypeError) {
    return new ApiError(
      'unreachable',
      `Cannot reach ${apiUrl}: is the server running and the address right?`,
    );
  }
  return new ApiError('http', error instanceof Error ? error.message : String(error));
}

export function createApiClient(settings: Pick<Settings, 'apiUrl' | 'token'>) {
  const http = ky.create({
    prefix: `${settings.apiUrl}/v1/`,
    timeout: REQUEST_TIMEOUT_MS,
    retry: { limit: 2, methods: ['get'], statusCodes: [408, 429, 500, 502, 503, 504] },
    headers: { authorization: `Bearer ${settings.token}` },
  });

  async function getJson<S extends StandardSchemaV1>(
    path: string,
    schema: S,
    searchParams?: Record<string, string>,
  ): Promise<StandardSchemaV1InferOutput<S>> {
    try {
      return await http.get(path, searchParams ? { searchParams } : {}).json(schema);
    } catch (error) {
      throw explainError(error, settings.apiUrl);
    }
  }

  async function postJson<S extends StandardSchemaV1>(path: string, body: unknown, schema: S) {
    try {
      return await http.post(path, { json: body }).json(schema);
    } catch (error) {
      throw explainError(error, settings.apiUrl);
    }
  }

  return {
    getJson,
    postJson,
    health: () => getJson('health', HealthSchema),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
