import type { Migration } from "./Migration";

/**
 * Regenerate keeps the earlier answers (issue 12), and an answer cut at the token limit says so.
 *
 * - `reply_to`: the user message an assistant answer replies to. Answers to the same message are
 *   variants of each other (‹ 1/3 ›). NULL for user messages and for answers written before this
 *   migration; Regenerate fills it in for the answers it keeps.
 * - `chosen`: 1 for the variant shown, continued from and exported; 0 for the others. Every
 *   existing message is chosen, so older conversations read as before.
 * - `cut_at_limit`: 1 when the model stopped at the answer-length limit (Continue is offered).
 * ALTER TABLE … ADD COLUMN keeps the table (and its FTS triggers) as it is: no rebuild.
 */
export const migration004: Migration = {
  version: 4,
  name: "answer variants",
  sql: `
    ALTER TABLE messages ADD COLUMN reply_to TEXT;
    ALTER TABLE messages ADD COLUMN chosen INTEGER NOT NULL DEFAULT 1 CHECK (chosen IN (0, 1));
    ALTER TABLE messages ADD COLUMN cut_at_limit INTEGER NOT NULL DEFAULT 0 CHECK (cut_at_limit IN (0, 1));
    CREATE INDEX messages_reply_to ON messages(reply_to) WHERE reply_to IS NOT NULL;
  `,
};
