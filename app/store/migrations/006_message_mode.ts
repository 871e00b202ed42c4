import type { Migration } from "./Migration";

/**
 * Each message records the conversation's privacy mode when it was written (issue #14), so
 * Cloud mode decides which earlier turns may leave from the message itself, not from its
 * report stage. Answers written before this migration get the mode their privacy report names
 * (Hybrid and Cloud answers have one); the rest stay NULL = not recorded, which Cloud mode
 * treats as "not a Cloud turn" (never sent). ADD COLUMN keeps the table and its FTS triggers.
 */
export const migration006: Migration = {
  version: 6,
  name: "message_mode",
  sql: `
    ALTER TABLE messages ADD COLUMN mode TEXT CHECK (mode IS NULL OR mode IN ('private','hybrid','cloud','auto'));
    UPDATE messages SET mode = (
      SELECT json_extract(s.meta, '$.mode') FROM message_stages s
      WHERE s.message_id = messages.id AND s.kind = 'report' AND json_valid(s.meta)
        AND json_extract(s.meta, '$.mode') IN ('private','hybrid','cloud','auto')
    )
    WHERE role = 'assistant';
  `,
};
