import { describe, expect, it } from "vitest";
import type { ConversationSummary } from "../../../../app/contract/types";
import { upsertConversation } from "../../../../renderer/src/stores/upsertConversation";

const conv = (id: string, updatedAt: number, title = id): ConversationSummary => ({
  id,
  title,
  mode: "private",
  createdAt: 0,
  updatedAt,
});

describe("upsertConversation", () => {
  it("moves a conversation with new activity to the top and replaces its old copy", () => {
    const list = [conv("a", 30), conv("b", 20), conv("c", 10)];
    const next = upsertConversation(list, conv("c", 40, "Renamed"));
    expect(next.map((c) => c.id)).toEqual(["c", "a", "b"]);
    expect(next[0]!.title).toBe("Renamed");
  });

  it("adds a new conversation in its place by last activity", () => {
    expect(upsertConversation([conv("a", 30), conv("c", 10)], conv("b", 20)).map((c) => c.id)).toEqual(["a", "b", "c"]);
  });
});
