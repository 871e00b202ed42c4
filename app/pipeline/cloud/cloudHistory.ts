import type { Message } from "../../contract/types";
import type { CloudMessage } from "../../providers/cloud";

export interface CloudHistory {
  messages: CloudMessage[];
  /** Earlier messages left out because they belong to Private or Hybrid turns. */
  skipped: number;
}

/**
 * The turns Cloud mode sends: the user's message as written, plus the earlier turns that were
 * themselves Cloud-mode turns (question and the cloud's answer). Switching to Cloud applies
 * from the next message on: earlier Private or Hybrid turns hold what the user kept on the
 * device (and answers with private values restored), so they are never sent. A turn counts as
 * Cloud by the mode stored with its answer (migration 006); an answer without one is not sent.
 */
export function cloudHistory(history: readonly Message[]): CloudHistory {
  const lastUser = history.findLastIndex((m) => m.role === "user");
  const messages: CloudMessage[] = [];
  let skipped = 0;
  for (let i = 0; i < history.length; i++) {
    const message = history[i]!;
    if (i === lastUser) {
      messages.push({ role: "user", content: message.content });
      continue;
    }
    const answer = message.role === "user" && i < lastUser ? history[i + 1] : undefined;
    if (answer?.role === "assistant" && answer.content && answer.status !== "error" && answer.mode === "cloud") {
      messages.push({ role: "user", content: message.content }, { role: "assistant", content: answer.content });
      i++;
    } else if (message.role !== "system") {
      skipped++;
    }
  }
  return { messages, skipped };
}
