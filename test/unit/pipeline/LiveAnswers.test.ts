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
      },
    ]);
  });

  it("gives every stage piece the place it starts at in its stage's text, and answer tokens none", () => {
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
    const token = live.track({ type: "message:token", conversationId: "c1", messageId: "m1", text: "Hi" });
    expect(token).not.toHaveProperty("offset");
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
