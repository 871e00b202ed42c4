import { beforeEach, describe, expect, it } from "vitest";
import type { PrivacyReport } from "../../../app/contract/types";
import { createLogger } from "../../../app/logging/Logger";
import { VaultStore } from "../../../app/privacy";
import { replyWithPlaceholders, startRecordingCloud, type ChatRequestBody } from "../../helpers/recordingCloud";
import { waitFor, type Harness } from "./support/hybridHarness";
import { useHybridHarness } from "./support/useHybridHarness";

const PROFILE = "Name: Rose Baker. Address: 14 Elm Street, Leeds LS6 2AB. Mobile: +44 7911 123456.";
const NOTE = "Tenancy agreement signed with Derek Pollard in 2021. Monthly rent £850, paid on the 1st.";
const MESSAGE =
  "Write a polite letter to my landlord Derek Pollard about the heating; sign it Rose Baker, 14 Elm Street, Leeds LS6 2AB.";

/** The placeholders of the request's messages, as the gate let them out. */
function placeholdersIn(body: ChatRequestBody): string[] {
  const text = (body.messages ?? []).map((m) => String(m.content)).join("\n");
  return [...new Set(text.match(/\[[A-Z_]+_\d+\]/g) ?? [])];
}

/** How real models mangle placeholders: case, spacing, brackets dropped or changed. */
function mangled(placeholder: string, i: number): string {
  const [, type, n] = /^\[([A-Z_]+)_(\d+)\]$/.exec(placeholder)!;
  const title = type!.charAt(0) + type!.slice(1).toLowerCase();
  return [`[${title} ${n}]`, `${type}_${n}`, `{${type}_${n}}`, `[ ${type} ${n} ]`, `${title}_${n}`][i % 5]!;
}

describe("Hybrid answers stream, stop, restore and keep their placeholders", () => {
  const logLines: string[] = [];
  let h: Harness;
  useHybridHarness(
    {
      maxAnswerTokens: 16,
      cloud: { reply: replyWithPlaceholders },
      logger: createLogger({ name: "test", level: "debug", sink: (line) => logLines.push(line) }),
    },
    (started) => {
      h = started;
      h.setLocale("en-GB");
      h.context.profile.set({ freeText: PROFILE });
    },
  );

  beforeEach(() => {
    h.settings.hybridStrategy = "sketch-refine";
    h.cloud.setReply(replyWithPlaceholders);
  });

  function hybridConversation(): string {
    const conversation = h.conversation("hybrid");
    h.context.items.add({ title: "Tenancy", text: NOTE, conversationId: conversation.id });
    return conversation.id;
  }

  it("sketch-refine goes through its steps, streams each stage and stores every stage", async () => {
    const message = await h.ask(hybridConversation(), MESSAGE);
    expect(h.progress(message.id)).toEqual(["context", "sketch", "sanitizing", "cloud", "restoring"]);
    expect(h.tokens(message.id, "sketch").join("")).toBe(h.stage(message.id, "sketch")?.content);
    expect(h.tokens(message.id, "cloud").join("")).toBe(h.stage(message.id, "cloud")?.content);
    expect(h.tokens(message.id, "answer").join("")).toBe(message.content);
    expect(h.stages(message.id).map((s) => s.kind)).toEqual(["context", "sketch", "sanitized", "cloud", "report"]);
    expect(h.stage(message.id, "context")?.meta).toMatchObject({ profileUsed: true, items: [{ title: "Tenancy" }] });
    expect(message.content).toContain("Rose Baker");
    expect(message.content).toContain("Derek Pollard");
    const report = h.report(message.id);
    expect(report).toMatchObject({
      mode: "hybrid",
      strategy: "sketch-refine",
      leftDevice: 0,
      unresolved: [],
      fallback: null,
      model: "test-model",
    });
    expect(report.endpoint).toBe(`${h.cloud.baseUrl}/chat/completions`);
    expect(report.byType.PERSON).toBeGreaterThanOrEqual(2);
  });

  it("cloud-outline: the cloud gets the sanitized instruction only, the local model writes the answer", async () => {
    h.settings.hybridStrategy = "cloud-outline";
    const before = h.cloud.requests.length;
    const message = await h.ask(hybridConversation(), MESSAGE);
    expect(h.progress(message.id)).toEqual(["context", "sanitizing", "cloud", "local-write"]);
    const body = h.cloud.requests[before]!.json as ChatRequestBody;
    expect(body.messages?.map((m) => m.role)).toEqual(["system", "user"]);
    expect(body.messages?.[1]?.content).toMatch(/^Write a polite letter to my landlord \[PERSON_\d+\]/);
    const outline = h.stage(message.id, "outline")?.content ?? "";
    expect(outline).toContain("Derek Pollard");
    expect(h.tokens(message.id, "outline").join("")).toBe(outline);
    expect(h.tokens(message.id, "answer").join("")).toBe(message.content);
    // The tiny model has random weights: it may end at its first token (end-of-text is one of its
    // few tokens), so the count is checked against the text it wrote rather than for being > 0.
    expect(message.stats).toBeDefined();
    expect((message.stats?.tokens ?? 0) > 0).toBe(message.content.length > 0);
  });

  it("restores placeholders the cloud mangled, and never shows half a placeholder while streaming", async () => {
    h.cloud.setReply((body) => `Dear ${placeholdersIn(body).map(mangled).join(" and ")}, all the best.`);
    const message = await h.ask(hybridConversation(), MESSAGE);
    const cloudText = h.stage(message.id, "cloud")?.content ?? "";
    expect(cloudText).toMatch(/\[Person \d+\]/);
    expect(message.content).not.toMatch(/person|PERSON|ADDRESS|Address|PHONE/);
    expect(message.content).toContain("Rose Baker");
    // Every state the user saw was a prefix of the final answer: no "[Person " ever appeared.
    let shown = "";
    for (const piece of h.tokens(message.id, "answer")) {
      shown += piece;
      expect(message.content.startsWith(shown)).toBe(true);
    }
    expect(shown).toBe(message.content);
    expect(h.report(message.id)).toMatchObject({ unresolved: [], localPassTokens: 0 });
  });

  it("placeholders the vault does not know and template slots get a short local pass; what stays open is reported", async () => {
    h.cloud.setReply("Dear [PERSON_77], thank you. Best regards, [Your Name]");
    const message = await h.ask(hybridConversation(), MESSAGE);
    const report = h.report(message.id) as PrivacyReport & { filled: string[]; localPassTokens: number };
    expect([...report.filled, ...report.unresolved].sort()).toEqual(["[PERSON_77]", "[Your Name]"]);
    // The pass ran, and stayed short: a bounded JSON answer for two gaps.
    expect(report.localPassTokens).toBeGreaterThan(0);
    expect(report.localPassTokens).toBeLessThanOrEqual(24 + 32 * 2);
    for (const gap of report.filled) expect(message.content).not.toContain(gap);
    for (const gap of report.unresolved) expect(message.content).toContain(gap);
    expect(message.content).toMatch(/^Dear /);
  });

  it("keeps each private value's placeholder for the whole conversation", async () => {
    const conversationId = hybridConversation();
    const before = h.cloud.requests.length;
    await h.ask(conversationId, MESSAGE);
    await h.ask(conversationId, "Now a shorter one for Derek Pollard, please.");
    const placeholder = new VaultStore(h.store.db).load(conversationId).find("Derek Pollard")?.placeholder;
    expect(placeholder).toMatch(/^\[PERSON_\d+\]$/);
    const [first, second] = h.cloud.requests.slice(before).map((r) => r.body);
    expect(first).toContain(placeholder);
    expect(second).toContain(placeholder);
  });

  it("logs ids, sizes, timings and codes, never the message, the context or a private value", async () => {
    const message = await h.ask(hybridConversation(), MESSAGE);
    h.cloud.setFault({ status: 500 });
    await h.ask(hybridConversation(), MESSAGE);
    h.cloud.setFault(null);
    const logs = logLines.join("\n");
    const pipelineLine = logLines.find(
      (line) => line.includes("answer pipeline finished") && line.includes(message.id),
    );
    expect(JSON.parse(pipelineLine!)).toMatchObject({
      name: "test.hybrid",
      mode: "hybrid",
      strategy: "sketch-refine",
      status: "done",
      fallback: null,
    });
    expect(logs).toContain('"fallback":"cloud_server_error"');
    for (const secret of [
      "Rose",
      "Baker",
      "Pollard",
      "Elm Street",
      // The phone number as written and without spaces: "7911" alone also matches a timing or an id.
      "7911 123456",
      "7911123456",
      "heating",
      "Tenancy",
      "sk-test",
      "polished",
    ])
      expect(logs).not.toContain(secret);
  });

  it("stop during the cloud stream keeps exactly what was shown and marks the answer stopped", async () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(" ");
    // A second recording server that pauses between chunks, so Stop lands mid-stream.
    const slow = await startRecordingCloud({
      reply: (body) => `${words} ${placeholdersIn(body).join(" ")}`,
      chunkDelayMs: 40,
    });
    h.settings.cloudBaseUrl = slow.baseUrl;
    try {
      const conversationId = hybridConversation();
      const messageId = await h.start(conversationId, MESSAGE);
      await waitFor(() => (h.tokens(messageId, "answer").length >= 3 ? true : undefined));
      expect(h.chat.stop(conversationId)).toBe(true);
      const message = await h.finished(messageId);
      expect(message.status).toBe("stopped");
      expect(message.content).toBe(h.tokens(messageId, "answer").join(""));
      expect(message.content).toMatch(/^word0 word1 /);
      expect(message.content).not.toContain("word59");
      expect(h.stage(messageId, "cloud")?.meta).toMatchObject({ finishReason: "aborted" });
      expect(h.store.messages.get(messageId)).toMatchObject({ status: "stopped", content: message.content });
      expect(slow.requests).toHaveLength(1);
    } finally {
      h.settings.cloudBaseUrl = h.cloud.baseUrl;
      await slow.close();
    }
  });
});
