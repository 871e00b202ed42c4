import { describe, expect, it } from "vitest";
import type { MessageStage } from "../../../../app/contract/types";
import { readStages, usedCloudMode } from "../../../../renderer/src/lib/readStages";

const report = (meta: Record<string, unknown>): MessageStage => ({ kind: "report", content: "", meta });

describe("readStages", () => {
  it("reads a Hybrid answer's payload, sketch, cloud answer and report", () => {
    const view = readStages([
      { kind: "sketch", content: "draft for Ada", meta: null },
      { kind: "sanitized", content: '{"messages":[]}', meta: { bytes: 15 } },
      { kind: "cloud", content: "Hi [PERSON_1]", meta: null },
      report({
        mode: "hybrid",
        strategy: "sketch-refine",
        replaced: 2,
        byType: { PERSON: 2 },
        leftDevice: 0,
        bytes: 15,
        endpoint: "http://x/v1/chat/completions",
        model: "m",
        unresolved: [],
        fallback: null,
      }),
    ]);
    expect(view).toMatchObject({
      sketch: "draft for Ada",
      payload: '{"messages":[]}',
      cloud: "Hi [PERSON_1]",
      notice: null,
    });
    expect(view.report).toMatchObject({
      mode: "hybrid",
      replaced: 2,
      byType: { PERSON: 2 },
      bytes: 15,
      endpoint: "http://x/v1/chat/completions",
    });
    expect(usedCloudMode(view)).toBe(true);
  });

  it("reads the context used, with passage texts, for a Private answer too", () => {
    const view = readStages([
      {
        kind: "context",
        content: "",
        meta: {
          profileUsed: true,
          items: [{ itemId: "n1", title: "Lease", passages: [{ chunkId: 3, text: "Rent is 900 euros." }] }],
        },
      },
    ]);
    expect(view.context).toEqual({
      profileUsed: true,
      items: [{ itemId: "n1", title: "Lease", passages: ["Rent is 900 euros."] }],
    });
    expect(usedCloudMode(view)).toBe(false);
  });

  it("treats a stored notice with a fallback code, or a report's fallback, as a fallback warning", () => {
    const stored = readStages([
      {
        kind: "notice",
        content: "The cloud was unreachable; this answer was written locally.",
        meta: { code: "cloud_unreachable" },
      },
    ]);
    expect(stored).toMatchObject({
      notice: "The cloud was unreachable; this answer was written locally.",
      noticeKind: "fallback",
    });
    const fromReport = readStages([
      report({ mode: "hybrid", fallback: { code: "offline", message: "Offline mode is on." } }),
    ]);
    expect(fromReport).toMatchObject({
      notice: "Offline mode is on. This answer was written locally.",
      noticeKind: "fallback",
    });
    const info = readStages([
      { kind: "notice", content: "Cloud mode: sent as you wrote it.", meta: null },
      report({ mode: "cloud" }),
    ]);
    expect(info.noticeKind).toBe("info");
  });

  it("shows less, never crashes, when stage metadata is malformed", () => {
    const view = readStages([
      { kind: "context", content: "", meta: { items: "nope" } },
      report({ mode: "weird", replaced: "7", byType: { PERSON: "x", IBAN: 1 }, unresolved: [1, "[PERSON_2]"] }),
    ]);
    expect(view.context).toBeNull();
    expect(view.report).toMatchObject({
      mode: "hybrid",
      replaced: 0,
      byType: { IBAN: 1 },
      unresolved: ["[PERSON_2]"],
      fallback: null,
    });
  });

  it("reads Auto's route and reason, and ignores a route stage it cannot read", () => {
    const local = readStages([
      {
        kind: "route",
        content: "Answered on this device: your message mentions a health condition.",
        meta: { route: "local", rule: "sensitive-content", forced: false, privateItems: 1 },
      },
    ]);
    expect(local.route).toEqual({
      route: "local",
      reason: "Answered on this device: your message mentions a health condition.",
      forced: false,
    });
    const asked = readStages([
      {
        kind: "route",
        content: "Polished by the cloud: 2 private items replaced. You asked for the cloud.",
        meta: { route: "hybrid", forced: true },
      },
    ]);
    expect(asked.route).toMatchObject({ route: "hybrid", forced: true });
    expect(readStages([{ kind: "route", content: "?", meta: { route: "moon" } }]).route).toBeNull();
    expect(readStages([]).route).toBeNull();
  });
});
