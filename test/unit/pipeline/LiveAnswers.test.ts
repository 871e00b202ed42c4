import { describe, expect, it } from "vitest";
import type { ChatEvent, Message } from "../../../app/contract/types";
import { LiveAnswers } from "../../../app/pipeline/LiveAnswers";

const answer: Message = {
  id: "m1",
  conversationId: "c1",
  role: "assistant",
  content: "",
  status: "streaming",
  createdAt: 1,
  stats: null,
  error: null,
  modelId: null,
  mode: "hybrid",
};

const sketch = (text: string): ChatEvent => ({
  type: "message:token",
  conversationId: "c1",
  messageId: "m1",
  text,
  stage: "sketch",
});

describe("the host's record of answers being written", () => {
  it("holds each running answer's steps and stage texts as its events told them", () => {
    const live = new LiveAnswers();
    live.track({ type: "message:created", conversationId: "c1", message: answer });
    live.track({ type: "message:progress", conversationId: "c1", messageId: "m1", step: "context" });
    live.track({ type: "message:progress", conversationId: "c1", messageId: "m1", step: "sketch" });
    live.track(sketch("Dear "));
    live.track(sketch("landlord"));
    live.track({ type: "message:token", conversationId: "c1", messageId: "m1", text: "Hi", stage: "answer" });
    expect(live.list()).toEqual([
      {
        conversationId: "c1",
        messageId: "m1",
        mode: "hybrid",
        steps: ["context", "sketch"],
        streams: { sketch: "Dear landlord" },
        text: "Hi",
      },
    ]);
  });

  it("gives every stage piece the place it starts at in its stage's text", () => {
    const live = new LiveAnswers();
    live.track({ type: "message:created", conversationId: "c1", message: answer });
    expect(live.track(sketch("Dear "))).toMatchObject({ offset: 0 });
    expect(live.track(sketch("landlord"))).toMatchObject({ offset: 5 });
    const cloud = live.track({
      type: "message:token",
      conversationId: "c1",
      messageId: "m1",
      text: "A",
      stage: "cloud",
    });
    expect(cloud).toMatchObject({ offset: 0 });
  });

  it("gives every answer piece its place in the message's text, after the earlier text of a continued answer", () => {
    const live = new LiveAnswers();
    const token = (text: string, messageId = "m1"): ChatEvent => ({
      type: "message:token",
      conversationId: "c1",
      messageId,
      text,
    });
    live.track({ type: "message:created", conversationId: "c1", message: { ...answer, content: "Dear Mr. Smith," } });
    expect(live.track(sketch("ignored by the answer"))).toMatchObject({ offset: 0 });
    expect(live.track(token(" the"))).toMatchObject({ offset: 15 });
    expect(live.track(token(" heating"))).toMatchObject({ offset: 19 });
    expect(live.list()[0]!.text).toBe("Dear Mr. Smith, the heating");
    // A piece of an answer that did not start here (none is tracked) goes out as it came.
    expect(live.track(token("x", "m9"))).not.toHaveProperty("offset");
  });

  it("shows an answer being written at its text so far, and every other message as saved", () => {
    const live = new LiveAnswers();
    live.track({ type: "message:created", conversationId: "c1", message: answer });
    live.track({ type: "message:token", conversationId: "c1", messageId: "m1", text: "Dear landlord" });
    const saved = [
      { ...answer, id: "u1", role: "user" as const, content: "Write to my landlord", status: "done" as const },
      { ...answer, content: "Dear" },
      { ...answer, id: "m0", content: "An older answer", status: "done" as const },
    ];
    expect(live.withLiveText(saved).map((m) => m.content)).toEqual([
      "Write to my landlord",
      "Dear landlord",
      "An older answer",
    ]);
    // Once its end is recorded the saved copy is the whole answer.
    live.track({ type: "message:finished", conversationId: "c1", message: { ...answer, status: "done" } });
    expect(live.withLiveText(saved)[1]!.content).toBe("Dear");
  });

  it("forgets an answer once it is finished, and never lists a user message or a finished one", () => {
    const live = new LiveAnswers();
    live.track({ type: "message:created", conversationId: "c1", message: { ...answer, id: "u1", role: "user" } });
    live.track({ type: "message:created", conversationId: "c1", message: { ...answer, id: "d1", status: "done" } });
    live.track({ type: "message:created", conversationId: "c1", message: answer });
    live.track(sketch("Dear "));
    live.track({ type: "message:finished", conversationId: "c1", message: { ...answer, status: "done" } });
    expect(live.list()).toEqual([]);
  });

  it("hands out copies, so a caller cannot change what later readers see", () => {
    const live = new LiveAnswers();
    live.track({ type: "message:created", conversationId: "c1", message: answer });
    live.track(sketch("Dear "));
    const [first] = live.list();
    first!.steps.push("cloud");
    first!.streams.sketch = "changed";
    expect(live.list()[0]).toMatchObject({ steps: [], streams: { sketch: "Dear " } });
  });
});
