import type { Migration } from "./Migration";

/**
 * Search prefix indexes for 5, 6 and 7 letters too (issue #14): the last word of a search
 * matches as a prefix, and a prefix longer than the longest prefix index makes FTS5 read and
 * merge the whole index entry of every word it expands to ("python"*: ~100,000 messages) —
 * in the encrypted store page by page, each decrypted the first time. With an index for the
 * prefix's length, FTS5 reads only the newest matches. At 1M encrypted messages: search CPU
 * p95 about halved, appends not measurably slower, the file ~10 % bigger (docs/BENCHMARKS.md,
 * "Store search: prefix index"). Not 8: it slowed the bench's queries, though a common word typed
 * out to 8+ letters ("tomorrow") still merges its entry (a few ms).
 *
 * FTS5 cannot change a table's options, so the index is dropped and rebuilt from the messages
 * (the external-content table is the source of truth; the triggers on `messages` name the index
 * by name and keep working). A million messages take about a minute of CPU, once, on the first
 * start after the update (README, "Where your data lives").
 */
export const migration008: Migration = {
  version: 8,
  name: "search_prefixes",
  sql: `
    DROP TABLE messages_fts;
    CREATE VIRTUAL TABLE messages_fts USING fts5(
      content, content='messages', content_rowid='pk', tokenize='unicode61 remove_diacritics 2',
      prefix='3 4 5 6 7'
    );
    INSERT INTO messages_fts(messages_fts) VALUES ('rebuild');
  `,
};
