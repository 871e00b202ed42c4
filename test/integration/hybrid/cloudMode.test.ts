import { describe, expect, it } from "vitest";
import type { PrivacyReport } from "../../../app/contract/types";
import type { ChatRequestBody } from "../../helpers/recordingCloud";
import type { Harness } from "./support/hybridHarness";
import { waitFor } from "./support/hybridHarness";
import { useHybridHarness } from "./support/useHybridHarness";

const PROFILE = "Name: Rose Baker. Address: 14 Elm Street, Leeds LS6 2AB. Health: type 1 diabetes.";
const NOTE = "Tenancy agreement signed with Derek Pollard in 2021. Monthly rent £850.";

describe("Cloud mode: plain cloud chat, audited, without private context", () => {
  let h: Harness;
  useHybridHarness(
    { endless: true, maxAnswerTokens: 16, cloud: { reply: "Happy to help with that letter." } },
    (started) => {
      h = started;
      h.setLocale("en-GB");
      h.context.profile.set({ freeText: PROFILE });
    },
  );

  const bodyOf = (index: number) => h.cloud.requests[index]!.json as ChatRequestBody;

  it("sends the message as the user wrote it, attaches no context, audits it and says so", async () => {
    const conversation = h.conversation("cloud");
    h.context.items.add({ title: "Tenancy", text: NOTE, conversationId: conversation.id });
    const before = h.cloud.requests.length;
    const text = "I am Rose Baker, rose.baker@example.org. Help me ask my landlord to fix the heating.";
    const message = await h.ask(conversation.id, text);
    expect(message).toMatchObject({ status: "done", content: "Happy to help with that letter." });
    expect(h.cloud.requests.length - before).toBe(1);
    const body = bodyOf(before);
    expect(body.messages?.at(-1)).toEqual({ role: "user", content: text });
    const received = h.cloud.receivedText();
    for (const secret of ["Derek Pollard", "Tenancy agreement", "14 Elm Street", "diabetes", "£850"])
      expect(received).not.toContain(secret);
    const [row] = h.audit.list({ conversationId: conversation.id });
    // The privacy log shows the whole body byte for byte as the server received it, stream,
    // stream_options and max_tokens included, and counts exactly those bytes.
    expect(row!.payload).toBe(h.cloud.requests[before]!.body);
    expect(row!.bytes).toBe(Buffer.byteLength(h.cloud.requests[before]!.body, "utf8"));
    expect(JSON.parse(row!.payload)).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 16,
    });
    expect(row!.kind).toBe("chat");
    // Not blocked (the user chose to send it), but the audit records what the re-scan found.
    expect(JSON.parse(row!.check)).toMatchObject({
      policy: "audit-only",
      clean: false,
      found: expect.arrayContaining([{ type: "EMAIL", count: 1 }]),
    });
    const report = h.stage(message.id, "report")?.meta as unknown as PrivacyReport;
    expect(report).toMatchObject({ mode: "cloud", strategy: null, replaced: 0, bytes: row!.bytes, fallback: null });
    expect(report.leftDevice).toBeGreaterThan(0);
    expect(h.stage(message.id, "sanitized")?.content).toBe(row!.payload);
    expect(h.stage(message.id, "notice")?.content).toMatch(
      /private context \(profile, notes, documents\) was not attached\.$/,
    );
    expect(h.stage(message.id, "context")).toBeUndefined();
    // "How this answer was made" shows the cloud's text once, as the answer: no "cloud" step repeats it.
    expect(h.stage(message.id, "cloud")).toBeUndefined();
  });

  it("switching to Cloud applies from the next message on: earlier Private turns are not sent", async () => {
    const conversation = h.conversation("private");
    const privateTurn = await h.ask(conversation.id, "My diagnosis is type 1 diabetes, remember that.");
    expect(privateTurn.status).toBe("done");
    h.store.conversations.setMode(conversation.id, "cloud");
    const before = h.cloud.requests.length;
    const first = await h.ask(conversation.id, "What is a good title for a blog about baking?");
    const second = await h.ask(conversation.id, "And a subtitle?");
    const [a, b] = [bodyOf(before), bodyOf(before + 1)];
    expect(a.messages?.map((m) => m.role)).toEqual(["system", "user"]);
    expect(b.messages?.slice(1)).toEqual([
      { role: "user", content: "What is a good title for a blog about baking?" },
      { role: "assistant", content: first.content },
      { role: "user", content: "And a subtitle?" },
    ]);
    expect(JSON.stringify([a, b])).not.toContain("diabetes");
    expect(h.stage(second.id, "notice")?.content).toMatch(
      /2 earlier messages from Private or Hybrid turns stayed on this device/,
    );
  });

  it("in Offline mode a Cloud conversation is answered by the local model with a notice, and nothing is sent", async () => {
    const conversation = h.conversation("cloud");
    const [requestsBefore, rowsBefore] = [h.cloud.requests.length, h.audit.count()];
    h.settings.offline = true;
    try {
      const message = await h.ask(conversation.id, "Suggest a name for a cat.");
      expect(message.status).toBe("done");
      expect(message.error ?? null).toBeNull();
      expect(message.content.length).toBeGreaterThan(0);
      expect(message.stats?.tokens).toBe(16);
      expect(h.stage(message.id, "notice")?.content).toMatch(
        /Offline mode is on, so nothing was sent to the cloud: the local model answered on this device/,
      );
      expect((h.stage(message.id, "report")?.meta as unknown as PrivacyReport).fallback?.code).toBe("offline");
    } finally {
      h.settings.offline = false;
    }
    expect(h.cloud.requests.length).toBe(requestsBefore);
    expect(h.audit.count()).toBe(rowsBefore);
  });

  it("streams a Cloud answer to the window as it arrives, after saying that the cloud step runs; offline, says it fell back to this device", async () => {
    const conversation = h.conversation("cloud");
    const message = await h.ask(conversation.id, "Suggest a title for a baking blog.");
    expect(h.tokens(message.id).length).toBeGreaterThan(0);
    expect(h.tokens(message.id).join("")).toBe(message.content);
    expect(h.progress(message.id)).toEqual(["cloud"]);
    h.settings.offline = true;
    try {
      const local = await h.ask(conversation.id, "And a subtitle?");
      expect(h.tokens(local.id).join("")).toBe(local.content);
      expect(h.progress(local.id)).toEqual(["cloud", "fallback"]);
    } finally {
      h.settings.offline = false;
    }
  });

  it("a Cloud answer the cloud refuses (a wrong key) is marked failed with the cloud's reason; no local answer stands in for it", async () => {
    const conversation = h.conversation("cloud");
    h.cloud.setFault({ status: 401 });
    let message;
    try {
      message = await h.ask(conversation.id, "Suggest a name for a cat.");
    } finally {
      h.cloud.setFault(null);
    }
    expect(message).toMatchObject({
      status: "error",
      error: "The cloud provider rejected the API key (401). Check the key in Settings → Cloud.",
    });
    expect(h.progress(message.id)).toEqual(["cloud"]);
    expect(h.tokens(message.id)).toEqual([]);
  });
});

describe("Cloud mode with a slow cloud that reports no token usage", () => {
  let h: Harness;
  const REPLY = "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen.";
  useHybridHarness(
    { endless: true, maxAnswerTokens: 400, cloud: { reply: REPLY, chunkDelayMs: 25, sendUsage: false } },
    (started) => (h = started),
  );

  /** Starts a message and presses Stop once its first answer piece has arrived. */
  const stopAfterFirstPiece = async (conversationId: string, text: string) => {
    const messageId = await h.start(conversationId, text);
    await waitFor(() => (h.tokens(messageId).length > 0 ? true : undefined));
    expect(h.chat.stop(conversationId)).toBe(true);
    return h.finished(messageId);
  };

  it("counts the pieces the cloud streamed as the answer's tokens", async () => {
    const message = await h.ask(h.conversation("cloud").id, "Count to sixteen.");
    expect(message).toMatchObject({ status: "done", content: REPLY });
    expect(message.stats?.tokens).toBe(16);
  });

  it("Stop during a Cloud answer keeps what arrived, marked stopped", async () => {
    const message = await stopAfterFirstPiece(h.conversation("cloud").id, "Count to sixteen.");
    expect(message.status).toBe("stopped");
    expect(message.content.length).toBeGreaterThan(0);
    expect(REPLY.startsWith(message.content)).toBe(true);
    expect(message.content).not.toBe(REPLY);
  });

  it("Stop during the offline stand-in answer keeps it, marked stopped", async () => {
    h.settings.offline = true;
    try {
      const message = await stopAfterFirstPiece(h.conversation("cloud").id, "Suggest a name for a cat.");
      expect(message.status).toBe("stopped");
      expect(message.stats?.tokens).toBeLessThan(400);
    } finally {
      h.settings.offline = false;
    }
  });
});
