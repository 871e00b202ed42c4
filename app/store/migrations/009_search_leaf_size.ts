import type { Migration } from "./Migration";

/**
 * The search indexes' leaves sized to fit one page of the encrypted file (issue #14). FTS5 writes
 * its index in leaves of `pgsz` bytes, 4,050 by default: sized for a plaintext 4 KiB page. An
 * encrypted page keeps 80 of its 4,096 bytes for the cipher (SQLCipher v4: IV and HMAC), so
 * every leaf spilled into an overflow page of its own and a search decrypted two pages per leaf
 * it read, each the first time. 3,900 leaves room for SQLite's cell and record headers.
 *
 * `pgsz` only shapes leaves written from now on, and FTS5's 'optimize' leaves an index that is
 * one segment (as migration 008's rebuild left it) untouched, so both indexes are rebuilt from
 * their content tables (the source of truth; the triggers keep working). At 1M messages: about
 * a minute of one core, once (README, "Where your data lives"); results do not change.
 */
export const migration009: Migration = {
  version: 9,
  name: "search_leaf_size",
  sql: `
    INSERT INTO messages_fts(messages_fts, rank) VALUES ('pgsz', 3900);
    INSERT INTO messages_fts(messages_fts) VALUES ('rebuild');
    INSERT INTO context_chunks_fts(context_chunks_fts, rank) VALUES ('pgsz', 3900);
    INSERT INTO context_chunks_fts(context_chunks_fts) VALUES ('rebuild');
  `,
};
