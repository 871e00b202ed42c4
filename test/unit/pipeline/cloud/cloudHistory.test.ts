import { describe, expect, it } from "vitest";
import type { Message } from "../../../../app/contract/types";
import { cloudHistory } from "../../../../app/pipeline/cloud/cloudHistory";

let n = 0;
function msg(
  role: Message["role"],
  content: string,
  mode?: Message["mode"],
  status: Message["status"] = "done",
): Message {
  return {
    id: `m${++n}`,
    conversationId: "c",
    role,
    content,
    status,
    createdAt: n,
    stats: null,
    error: null,
    modelId: null,
    ...(mode ? { mode } : {}),
  };
}

describe("cloudHistory", () => {
  it("sends the user's message as written when the conversation starts in Cloud mode", () => {
    expect(cloudHistory([msg("user", "Hi, I am Rose Baker.", "cloud")])).toEqual({
      messages: [{ role: "user", content: "Hi, I am Rose Baker." }],
      skipped: 0,
    });
  });

  it("keeps earlier Cloud turns and leaves out Private, Hybrid and Auto turns, by the mode stored with each answer", () => {
    const privateQ = msg("user", "my diagnosis is asthma", "private");
    const privateA = msg("assistant", "Noted, Rose.", "private");
    const hybridQ = msg("user", "write to my landlord", "hybrid");
    const hybridA = msg("assistant", "Dear Mr Okonkwo, …", "hybrid");
    const autoQ = msg("user", "my address?", "auto");
    const autoA = msg("assistant", "12 Baker Street", "auto");
    const cloudQ = msg("user", "title for a baking blog?", "cloud");
    const cloudA = msg("assistant", "Crumbs & Co.", "cloud");
    const now = msg("user", "a subtitle?", "cloud");
    const result = cloudHistory([privateQ, privateA, hybridQ, hybridA, autoQ, autoA, cloudQ, cloudA, now]);
    expect(result.messages).toEqual([
      { role: "user", content: "title for a baking blog?" },
      { role: "assistant", content: "Crumbs & Co." },
      { role: "user", content: "a subtitle?" },
    ]);
    expect(result.skipped).toBe(6);
  });

  it("never sends an earlier answer whose mode was not recorded (written before migration 006 without a report)", () => {
    const result = cloudHistory([
      msg("user", "old question"),
      msg("assistant", "old answer"),
      msg("user", "new", "cloud"),
    ]);
    expect(result).toEqual({ messages: [{ role: "user", content: "new" }], skipped: 2 });
  });

  it("leaves out a Cloud turn whose answer failed", () => {
    const q = msg("user", "first", "cloud");
    const failed = msg("assistant", "", "cloud", "error");
    expect(cloudHistory([q, failed, msg("user", "again", "cloud")]).messages).toEqual([
      { role: "user", content: "again" },
    ]);
  });

  it("leaves out a Cloud turn whose answer failed half-way, though part of it was written", () => {
    const q = msg("user", "first", "cloud");
    const failed = msg("assistant", "Crumbs &", "cloud", "error");
    expect(cloudHistory([q, failed, msg("user", "again", "cloud")])).toEqual({
      messages: [{ role: "user", content: "again" }],
      skipped: 2,
    });
  });

  it("never sends an earlier answer as if it were a question, even when a Cloud answer follows it", () => {
    const hybridQ = msg("user", "write to my landlord", "hybrid");
    const hybridA = msg("assistant", "Dear Mr Okonkwo, 12 Baker Street …", "hybrid");
    const cloudA = msg("assistant", "Dear landlord, …", "cloud");
    const result = cloudHistory([hybridQ, hybridA, cloudA, msg("user", "shorter, please", "cloud")]);
    expect(result).toEqual({ messages: [{ role: "user", content: "shorter, please" }], skipped: 3 });
  });

  it("counts only the user's and the assistant's messages as left on the device, not a system message", () => {
    const result = cloudHistory([
      msg("system", "Conversation switched to Cloud mode."),
      msg("user", "old question", "private"),
      msg("user", "new", "cloud"),
    ]);
    expect(result).toEqual({ messages: [{ role: "user", content: "new" }], skipped: 1 });
  });
});
