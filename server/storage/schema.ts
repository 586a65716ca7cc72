/**
 * SQLite schema of the reference server (node:sqlite, one file).
 * - catalog tables: templates, versions, campaigns, sequence steps;
 * - events: every raw event once (primary key = event id: redelivery is a no-op),
 *   kept so one message's history can be re-evaluated when a late event arrives;
 * - messages: one row per (campaign, recipient);
 * - buckets / finals: additive per-day aggregates a click map query sums
 *   without touching raw events (keys: server/aggregate/message-contrib.ts);
 * - totals: the same buckets summed over all days (the all-time / per-version
 *   query, the most common one, reads ~60 rows per campaign);
 * - row_refs: the first click of each report row (names the row);
 * - unsubs: unsubscribe events, deduplicated per recipient at query time;
 * - webhook_tokens: signed-webhook tokens already used (replay guard).
 */
import { DatabaseSync } from 'node:sqlite';

const DDL = `
CREATE TABLE IF NOT EXISTS templates (id TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS versions (
  id TEXT PRIMARY KEY, template_id TEXT NOT NULL REFERENCES templates(id),
  content_hash TEXT NOT NULL, created_at INTEGER NOT NULL, subject TEXT,
  placements TEXT NOT NULL, html TEXT);
CREATE INDEX IF NOT EXISTS versions_by_template ON versions(template_id, created_at);
CREATE TABLE IF NOT EXISTS campaigns (
  id TEXT PRIMARY KEY, template_id TEXT NOT NULL REFERENCES templates(id),
  version_id TEXT NOT NULL REFERENCES versions(id), name TEXT NOT NULL,
  sent_at INTEGER NOT NULL, sender TEXT, sequence_id TEXT, step INTEGER);
CREATE INDEX IF NOT EXISTS campaigns_by_template ON campaigns(template_id, version_id);
CREATE TABLE IF NOT EXISTS sequences (id TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sequence_steps (
  sequence_id TEXT NOT NULL REFERENCES sequences(id), step INTEGER NOT NULL,
  campaign_id TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (sequence_id, step));
CREATE TABLE IF NOT EXISTS messages (
  msg INTEGER PRIMARY KEY, campaign_id TEXT NOT NULL, recipient TEXT NOT NULL,
  UNIQUE (campaign_id, recipient));
CREATE TABLE IF NOT EXISTS events (
  id TEXT PRIMARY KEY, msg INTEGER NOT NULL, at INTEGER NOT NULL, body TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS events_by_msg ON events(msg);
CREATE TABLE IF NOT EXISTS buckets (
  campaign_id TEXT NOT NULL, metric TEXT NOT NULL, row TEXT NOT NULL,
  day INTEGER NOT NULL, prev INTEGER NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, metric, row, day, prev)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS totals (
  campaign_id TEXT NOT NULL, metric TEXT NOT NULL, row TEXT NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, metric, row)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS finals (
  campaign_id TEXT NOT NULL, kind TEXT NOT NULL, row TEXT NOT NULL, day INTEGER NOT NULL,
  value TEXT NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, kind, row, day, value)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS row_refs (
  campaign_id TEXT NOT NULL, row TEXT NOT NULL, at INTEGER NOT NULL, event_id TEXT NOT NULL,
  ref TEXT NOT NULL, PRIMARY KEY (campaign_id, row)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS unsubs (
  id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL, recipient TEXT NOT NULL, at INTEGER NOT NULL,
  method TEXT NOT NULL, link_id TEXT);
CREATE INDEX IF NOT EXISTS unsubs_by_campaign ON unsubs(campaign_id, at);
CREATE TABLE IF NOT EXISTS webhook_tokens (
  provider TEXT NOT NULL, token TEXT NOT NULL, digest TEXT NOT NULL, expires_at INTEGER NOT NULL,
  PRIMARY KEY (provider, token)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS webhook_tokens_by_expiry ON webhook_tokens(expires_at);
`;

/**
 * Opens (creating if needed) the database file; ':memory:' for throwaway stores.
 * WAL: readers never wait for the writer; a second writer (the writer thread
 * and a registration on the main connection) waits for the lock, up to 30 s.
 */
export function openDatabase(path: string): DatabaseSync {
  const db = new DatabaseSync(path, { timeout: 30_000 });
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;');
  db.exec('PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;');
  db.exec(DDL);
  return db;
}

/** Runs fn in one IMMEDIATE transaction: all of it is stored or none of it. */
export function inTransaction<T>(db: DatabaseSync, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
