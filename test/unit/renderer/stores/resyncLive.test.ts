import { describe, expect, it } from "vitest";
import type { LiveAnswer, Message } from "../../../../app/contract/types";
import { withStreamText, type LiveStages } from "../../../../renderer/src/stores/liveStages";
import { resyncLive, type ReceivedStageEvent } from "../../../../renderer/src/stores/resyncLive";

const sketchPiece = (messageId: string, text: string, offset: number): ReceivedStageEvent => ({
  event: { type: "message:token", conversationId: "c1", messageId, text, stage: "sketch", offset },
  mode: "hybrid",
});

const onHost = (messageId: string, sketch: string): LiveAnswer => ({
  conversationId: "c1",
  messageId,
  mode: "hybrid",
  steps: ["context", "sketch"],
  streams: { sketch },
  text: "",
});

const seen = (sketch: string): LiveStages => ({ mode: "hybrid", steps: ["context", "sketch"], streams: { sketch } });

describe("stage text with the host's offsets", () => {
  it("keeps a piece once when the view already has it from a resync", () => {
    const live = withStreamText(seen("Dear landlord"), "hybrid", "sketch", "landlord", 5);
    expect(live.streams.sketch).toBe("Dear landlord");
    const overlapping = withStreamText(seen("Dear land"), "hybrid", "sketch", "landlord,", 5);
    expect(overlapping.streams.sketch).toBe("Dear landlord,");
  });

  it("appends a piece that comes after text the view missed, as before any resync", () => {
    expect(withStreamText(seen("Dear "), "hybrid", "sketch", "heating", 14).streams.sketch).toBe("Dear heating");
  });
});

describe("resyncing the live stage view from the host", () => {
  it("takes the host's text of an answer still being written, with the gap filled", () => {
    const next = resyncLive({ m1: seen("Dear ") }, new Set(["m1"]), [onHost("m1", "Dear landlord, the heating")], []);
    expect(next.m1?.streams.sketch).toBe("Dear landlord, the heating");
  });

  it("keeps each piece that arrived while the host was asked once, whether the host's copy had it or not", () => {
    // "landlord" was sent before the host read its copy, " the" after; both arrived during the request.
    const arrived = [sketchPiece("m1", "landlord,", 5), sketchPiece("m1", " the", 14)];
    const next = resyncLive({ m1: seen("Dear ") }, new Set(["m1"]), [onHost("m1", "Dear landlord,")], arrived);
    expect(next.m1?.streams.sketch).toBe("Dear landlord, the");
  });

  it("drops an answer the host no longer writes: its end was sent while the stream was down", () => {
    const next = resyncLive({ m1: seen("Dear "), m2: seen("Hi") }, new Set(["m1", "m2"]), [onHost("m2", "Hi all")], []);
    expect(Object.keys(next)).toEqual(["m2"]);
  });

  it("drops an answer whose end arrived while the host was asked, though the host's copy still had it", () => {
    const finished = { id: "m1", conversationId: "c1", role: "assistant", status: "done" } as Message;
    const arrived: ReceivedStageEvent[] = [
      { event: { type: "message:finished", conversationId: "c1", message: finished }, mode: "hybrid" },
    ];
    expect(resyncLive({}, new Set(["m1"]), [onHost("m1", "Dear")], arrived)).toEqual({});
  });

  it("keeps an answer that began while the host was asked, as its events built it", () => {
    const next = resyncLive({ m3: seen("New") }, new Set(), [], []);
    expect(next.m3?.streams.sketch).toBe("New");
  });
});
