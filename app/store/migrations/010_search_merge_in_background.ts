import type { Migration } from "./Migration";

/**
 * The message index's segments are merged in the background, not inside the commit of an
 * append (issue #14: append p95 < 1 ms on the encrypted store). FTS5 writes each commit's new
 * words as a small segment of its own and, with its default `automerge` = 4, every ~64 leaves
 * written it merges up to 64 leaves per level of older segments in the same commit: on the 1M
 * encrypted store one append in ~40 paid a few milliseconds of reading, decrypting and
 * re-encrypting index pages (docs/BENCHMARKS.md, "Store append"). With `automerge` = 0 the
 * hosts' StoreMaintenance merges in small steps when the app is idle (FTS5's 'merge' command:
 * the same merges, the same index). `crisismerge` = 64 bounds the segments a burst of appends
 * with no idle moment can leave (a process that never merges, e.g. a CLI command): the commit
 * that makes a level's 64th segment merges that level itself, as FTS5 did at 16.
 *
 * Options only (the `_config` table): nothing is rewritten, search results do not change.
 */
export const migration010: Migration = {
  version: 10,
  name: "search_merge_in_background",
  sql: `
    INSERT INTO messages_fts(messages_fts, rank) VALUES ('automerge', 0);
    INSERT INTO messages_fts(messages_fts, rank) VALUES ('crisismerge', 64);
  `,
};
