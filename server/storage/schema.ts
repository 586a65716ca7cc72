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
 * - message_hours: the UTC hours in which each message has events, with the
 *   first and last event time in each (a ragged period re-reads only the
 *   messages of part of its two edge days: aggregate/edge-spans.ts);
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
CREATE TABLE IF NOT EXISTS message_hours (
  campaign_id TEXT NOT NULL, hour INTEGER NOT NULL, msg INTEGER NOT NULL,
  first_at INTEGER NOT NULL, last_at INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, hour, msg)) WITHOUT ROWID;
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
  migrate(db);
  return db;
}

/**
 * message_hours came after the events table (and replaced message_days): a
 * database with events and no message hours is from before it, and gets them
 * from its events (once).
 */
function migrate(db: DatabaseSync): void {
  if (db.prepare('SELECT 1 AS k FROM message_hours LIMIT 1').get() !== undefined) return;
  inTransaction(db, () => {
    db.exec('DROP TABLE IF EXISTS message_days');
    db.exec(`INSERT INTO message_hours (campaign_id, hour, msg, first_at, last_at)
      SELECT m.campaign_id, e.at / 3600000, e.msg, MIN(e.at), MAX(e.at)
      FROM events e JOIN messages m ON m.msg = e.msg GROUP BY 1, 2, 3`);
  });
}
let savepoints = 0;

/**
 * Runs fn in one IMMEDIATE transaction: all of it is stored or none of it.
 * Inside an open transaction (the writer thread's group commit) it is a
 * savepoint instead: fn's writes are undone alone when it throws, and become
 * durable with the enclosing transaction's COMMIT.
 */
export function inTransaction<T>(db: DatabaseSync, fn: () => T): T {
  const nested = db.isTransaction;
  const name = `w${savepoints++}`;
  db.exec(nested ? `SAVEPOINT ${name}` : 'BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec(nested ? `RELEASE ${name}` : 'COMMIT');
    return result;
  } catch (error) {
    if (nested) db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
    else if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/**
 * Runs fn's reads on one snapshot of the database (a deferred read
 * transaction): a report never mixes states from before and after a commit
 * of the writer thread that lands between two of its queries.
 */
export function inSnapshot<T>(db: DatabaseSync, fn: () => T): T {
  if (db.isTransaction) return fn();
  db.exec('BEGIN');
  try {
    return fn();
  } finally {
    db.exec('COMMIT');
  }
}
