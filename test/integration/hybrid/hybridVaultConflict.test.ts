import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sanitize, VaultStore } from "../../../app/privacy";
import { Store } from "../../../app/store/Store";
import type { ChatRequestBody } from "../../helpers/recordingCloud";
import { ScriptedModel } from "../../helpers/scriptedModel";
import { startHarness, type Harness } from "./support/hybridHarness";

/**
 * A Hybrid answer while another process on the same data folder (here: a second connection to
 * the database file) saves the conversation's vault between this answer's load and save — during
 * step 5, the local model's check, which is where the pipeline waits. The answer must be
 * sanitized again on the merged vault, so "[PERSON_1]" never stands for two people.
 */
describe("a Hybrid answer when another process saves the conversation's vault meanwhile", () => {
  let h: Harness;
  let other: Store;
  let conversationId = "";
  let calls = 0;
  const model = new ScriptedModel(() => {
    calls++;
    // The first call is the sketch; the second is step 5 reading the sanitized parts.
    if (calls === 2) {
      const vaults = new VaultStore(other.db);
      const vault = vaults.load(conversationId);
      sanitize("Write to Gary Thompson.", vault, { locale: "en-US" });
      vaults.save(vault);
    }
    return calls === 1 ? "Dear Anna Weber, the meeting moves to Monday." : "";
  });

  beforeAll(async () => {
    const echoDraft = (body: ChatRequestBody) =>
      String(body.messages?.find((m) => m.role === "assistant")?.content ?? "");
    h = await startHarness(model, { maxAnswerTokens: 200, cloud: { reply: echoDraft } });
    h.settings.thoroughModelCheck = true;
    other = Store.open(join(h.dir, "tandem.db"));
  });

  afterAll(async () => {
    other.close();
    await h.close();
  });

  it("sends the next free number for its person, restores the answer, and keeps the other writer's entry", async () => {
    conversationId = h.conversation("hybrid").id;
    const answer = await h.ask(conversationId, "Write a short note to Anna Weber about the meeting.");

    expect(answer.status).toBe("done");
    expect(h.stage(answer.id, "notice")).toBeUndefined();
    expect(h.cloud.requests).toHaveLength(1);
    const received = h.cloud.receivedText();
    expect(received).not.toContain("Anna Weber");
    expect(received).toContain("Dear [PERSON_2], the meeting moves to Monday.");
    expect(received).not.toContain("[PERSON_1]");
    expect(answer.content).toContain("Dear Anna Weber, the meeting moves to Monday.");
    const stored = new VaultStore(other.db).load(conversationId);
    expect(stored.get("[PERSON_1]")?.value).toBe("Gary Thompson");
    expect(stored.get("[PERSON_2]")?.value).toBe("Anna Weber");
  });
});
