import { describe, expect, it } from "vitest";
import type { Message } from "../../../app/contract/types";
import { cloudHistory } from "../../../app/pipeline/cloud/cloudHistory";

let n = 0;
function msg(role: Message["role"], content: string, status: Message["status"] = "done"): Message {
  return { id: `m${++n}`, conversationId: "c", role, content, status, createdAt: n, stats: null, error: null, modelId: null };
}

describe("cloudHistory", () => {
  it("sends the user's message as written when the conversation starts in Cloud mode", () => {
    expect(cloudHistory([msg("user", "Hi, I am Rose Baker.")], () => true)).toEqual({ messages: [{ role: "user", content: "Hi, I am Rose Baker." }], skipped: 0 });
  });

  it("keeps earlier Cloud turns and leaves out Private and Hybrid turns", () => {
    const privateQ = msg("user", "my diagnosis is asthma");
    const privateA = msg("assistant", "Noted, Rose.");
    const cloudQ = msg("user", "title for a baking blog?");
    const cloudA = msg("assistant", "Crumbs & Co.");
    const now = msg("user", "a subtitle?");
    const result = cloudHistory([privateQ, privateA, cloudQ, cloudA, now], (id) => id === cloudA.id);
    expect(result.messages).toEqual([
      { role: "user", content: "title for a baking blog?" },
      { role: "assistant", content: "Crumbs & Co." },
      { role: "user", content: "a subtitle?" },
    ]);
    expect(result.skipped).toBe(2);
  });

  it("leaves out a Cloud turn whose answer failed", () => {
    const q = msg("user", "first");
    const failed = msg("assistant", "", "error");
    expect(cloudHistory([q, failed, msg("user", "again")], () => true).messages).toEqual([{ role: "user", content: "again" }]);
  });
});
