/**
 * The generic ingestion format: EmailEvent objects as a JSON array, as
 * `{ "events": [...] }`, as one object, or as NDJSON (one event per line).
 * Any invalid line or event rejects the whole body with the first reason.
 */
import * as v from 'valibot';
import { EmailEventSchema } from '../../utils/api/event-schema.ts';
import type { EmailEvent } from '../../utils/report/model.ts';
import { badRequest } from '../problem.ts';

/** Parses JSON text or throws a 400 naming where it broke. */
export function parseJson(text: string, where = 'body'): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw badRequest(`${where} is not valid JSON: ${(error as Error).message}`);
  }
}

function issuePath(issue: v.BaseIssue<unknown>): string {
  const keys = issue.path?.map((item) => String(item.key)) ?? [];
  return keys.length > 0 ? keys.join('.') : '(event)';
}

/** How far in the future an event time may be (clock skew between a provider and us). */
export const MAX_FUTURE_MS = 86_400_000;

/**
 * Validates one event; `label` says which one in the error. Its time must lie
 * in the Date range (the schema) and not after `now` + 1 day: an event from
 * the far future would be stored yet never fall in any report period.
 */
export function toEmailEvent(value: unknown, label: string, now: number): EmailEvent {
  const result = v.safeParse(EmailEventSchema, value);
  if (!result.success) {
    const issue = result.issues[0];
    throw badRequest(`${label}: ${issuePath(issue)}: ${issue.message}`);
  }
  if (result.output.at > now + MAX_FUTURE_MS)
    throw badRequest(
      `${label}: at: ${result.output.at} is more than a day after now (${new Date(now).toISOString()})`,
    );
  return result.output;
}

function eventsOfJson(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (
    value !== null &&
    typeof value === 'object' &&
    Array.isArray((value as { events?: unknown }).events)
  )
    return (value as { events: unknown[] }).events;
  if (value !== null && typeof value === 'object') return [value];
  throw badRequest('body must be an event, an array of events or { "events": [...] }');
}

function parseNdjson(text: string, now: number): EmailEvent[] {
  const events: EmailEvent[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    events.push(toEmailEvent(parseJson(line, `line ${index + 1}`), `line ${index + 1}`, now));
  });
  return events;
}

export function isNdjson(contentType: string | undefined): boolean {
  return /ndjson|jsonlines|x-jsonl/i.test(contentType ?? '');
}

export function parseEventsBody(
  text: string,
  contentType: string | undefined,
  now: number,
): EmailEvent[] {
  if (isNdjson(contentType)) return parseNdjson(text, now);
  return eventsOfJson(parseJson(text)).map((value, index) =>
    toEmailEvent(value, `event #${index}`, now),
  );
}
