import { join } from "node:path";
import { Store } from "../../app/store/Store";
import { DB_FILE } from "../../main/host/createHost";

/**
 * Caps every answer in a fresh data folder at `maxAnswerTokens`, before any host (CLI run) starts
 * there — for the tiny model that never ends an answer by itself, which writes until this cap.
 * The file is plaintext until then; the first host encrypts it (see dataKey.ts).
 */
export function presetAnswerCap(dataDir: string, maxAnswerTokens: number): void {
  const store = Store.open(join(dataDir, DB_FILE));
  try {
    store.settings.update({ maxAnswerTokens });
  } finally {
    store.close();
  }
}
