/**
 * Mailgun replay guard. Mailgun's signature covers only `timestamp + token`,
 * not the event data, so whoever sees one signed webhook could post other
 * events under it while the timestamp is fresh. As Mailgun advises, each
 * token is remembered until its timestamp leaves the tolerance window and a
 * second use is refused. The same token with byte-identical content is a
 * redelivery and passes (event ids keep it idempotent). Tokens live in
 * SQLite, so a restart does not reopen the window.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';

export interface TokenClaim {
  provider: string;
  token: string;
  /** Hash of the request content the token came with. */
  digest: string;
  /** When the token stops being acceptable anyway (its timestamp + tolerance). */
  expiresAt: number;
  now: number;
}

/** new: first use; same: redelivery of the same content; reused: refused. */
export type ClaimResult = 'new' | 'same' | 'reused';

export class WebhookTokens {
  readonly #prune: StatementSync;
  readonly #insert: StatementSync;
  readonly #digest: StatementSync;

  constructor(db: DatabaseSync) {
    this.#prune = db.prepare('DELETE FROM webhook_tokens WHERE expires_at < ?');
    this.#insert = db.prepare(
      'INSERT OR IGNORE INTO webhook_tokens (provider, token, digest, expires_at) VALUES (?, ?, ?, ?)',
    );
    this.#digest = db.prepare('SELECT digest FROM webhook_tokens WHERE provider = ? AND token = ?');
  }

  /** Call inside a write transaction. */
  claim(c: TokenClaim): ClaimResult {
    this.#prune.run(c.now);
    if (this.#insert.run(c.provider, c.token, c.digest, c.expiresAt).changes > 0) return 'new';
    return this.#digest.get(c.provider, c.token)?.digest === c.digest ? 'same' : 'reused';
  }
}
