import { describe, expect, it } from "vitest";
import type { Message } from "../../../../app/contract/types";
import { createLogger } from "../../../../app/logging/Logger";
import type { AnswerContext, AnswerOutcome, Answerer } from "../../../../app/pipeline/Answerer";
import { createAutoAnswerer } from "../../../../app/pipeline/auto/createAutoAnswerer";
import { PrivacyVault, VaultConflictError } from "../../../../app/privacy";

/** Unknown to the engine and every word list: masked when the user asks for the cloud. */
const MESSAGE = "Can you check whether grumwald accepted the invite?";

/**
 * Auto's routing saves the words it masks before the Hybrid answerer loads the vault. When
 * another Tandem process (`cli proxy` on the same data folder) saves the conversation's vault
 * first, routing tries again on the vault as it is now; when it loses every time, the message is
 * answered on this device (nothing leaves without its masked words) instead of failing.
 */
function setUp(conflicts: number) {
  const calls = { private: 0, hybrid: 0, loads: 0, saved: 0 };
  const answered =
    (by: "private" | "hybrid"): Answerer =>
    async (): Promise<AnswerOutcome> => {
      calls[by]++;
      return { text: `answer by ${by}`, status: "done", stats: null, stages: [] };
    };
  let refused = 0;
  const logLines: string[] = [];
  const auto = createAutoAnswerer({
    private: answered("private"),
    hybrid: answered("hybrid"),
    settings: () => ({ locale: "en-US", alwaysLocalTopics: [], offline: false, cloudAvailable: true }),
    vault: (id) => {
      calls.loads++;
      return new PrivacyVault(id);
    },
    saveVault: (vault) => {
      if (refused++ < conflicts) throw new VaultConflictError(vault.conversationId);
      calls.saved++;
    },
    logger: createLogger({ name: "auto", level: "info", sink: (line) => logLines.push(line) }),
  });
  const user: Message = {
    id: "m1",
    conversationId: "c1",
    role: "user",
    content: MESSAGE,
    status: "done",
    createdAt: 1,
    stats: null,
    error: null,
    modelId: null,
  };
  const ctx = {
    conversation: { id: "c1", title: "t", mode: "auto", createdAt: 1, updatedAt: 1 },
    history: [user],
    messageId: "a1",
    maxTokens: 64,
    signal: new AbortController().signal,
    onText: () => {},
    onProgress: () => {},
  } as unknown as AnswerContext;
  return { auto, calls, ctx, logLines };
}

const routeOf = (outcome: AnswerOutcome) => outcome.stages.find((s) => s.kind === "route");

describe("Auto when another process saves the conversation's vault first", () => {
  it("masks again on the reloaded vault and still goes through the cloud after one lost save", async () => {
    const { auto, calls, ctx } = setUp(1);
    auto.forceNext("c1", "hybrid");
    const outcome = await auto(ctx);
    expect(calls).toEqual({ private: 0, hybrid: 1, loads: 2, saved: 1 });
    expect(outcome.text).toBe("answer by hybrid");
  });

  it("answers on this device with the reason when it loses every save, and the cloud step never runs", async () => {
    const { auto, calls, ctx, logLines } = setUp(Infinity);
    auto.forceNext("c1", "hybrid");
    const outcome = await auto(ctx);
    expect(calls.hybrid).toBe(0);
    expect(calls.private).toBe(1);
    expect(calls.loads).toBe(3);
    expect(outcome.text).toBe("answer by private");
    const route = routeOf(outcome);
    expect(route?.meta).toMatchObject({ route: "local", rule: null, forced: false });
    expect(route?.content).toContain("another Tandem process was changing this conversation's private items");
    expect(logLines.join("\n")).not.toContain("grumwald");
  });
});
