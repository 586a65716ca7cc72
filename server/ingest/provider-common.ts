/**
 * Shared pieces of the provider webhook parsers: field access on untyped
 * JSON that throws a 400 naming the field, the result shape, and campaign
 * resolution (a provider event names a campaign through a custom argument /
 * user variable / metadata `campaign_id`, else the provider's own campaign or
 * tag, which must equal a registered campaign id).
 */
import type { EmailEvent } from '../../utils/report/model.ts';
import { MAX_DATE_MS } from '../../utils/api/scalars.ts';
import { badRequest } from '../problem.ts';

export interface ProviderBatch {
  events: EmailEvent[];
  /** Events not stored, with why (unknown campaign, untracked event type). */
  skipped: string[];
}

/** Answers whether a campaign id is registered. */
export type CampaignExists = (id: string) => boolean;

export type Json = Record<string, unknown>;

export function asObject(value: unknown, where: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw badRequest(`${where} must be an object`);
  return value as Json;
}

export function requiredString(obj: Json, key: string, where: string): string {
  const value = obj[key];
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  throw badRequest(`${where}: "${key}" is required (string)`);
}

export function optionalString(obj: Json, key: string): string | undefined {
  const value = obj[key];
  return typeof value === 'string' && value !== ''
    ? value
    : typeof value === 'number'
      ? String(value)
      : undefined;
}

export function unixSeconds(obj: Json, key: string, where: string): number {
  const value = obj[key];
  if (typeof value !== 'number' || !(value >= 0 && value * 1000 <= MAX_DATE_MS))
    throw badRequest(`${where}: "${key}" must be a Unix timestamp in seconds`);
  return Math.round(value * 1000);
}

export function isoTime(obj: Json, key: string, where: string): number {
  const value = obj[key];
  const at = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(at)) throw badRequest(`${where}: "${key}" must be an ISO 8601 date-time`);
  return at;
}

/** The first candidate that is a registered campaign id, else null. */
export function resolveCampaign(
  candidates: (string | undefined)[],
  exists: CampaignExists,
): string | null {
  for (const candidate of candidates) if (candidate && exists(candidate)) return candidate;
  return null;
}

export function unknownCampaign(where: string, candidates: (string | undefined)[]): string {
  const named = candidates.filter(Boolean).join(', ');
  return `${where}: no registered campaign (${named ? `tried ${named}` : 'no campaign_id given'})`;
}
