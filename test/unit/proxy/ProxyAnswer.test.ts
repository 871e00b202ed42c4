import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PrivacyVault } from "../../../app/privacy";
import { ProxyAnswer } from "../../../app/proxy/ProxyAnswer";
import type { ProxyReply } from "../../../app/proxy";

/** A ProxyReply that keeps what the client would receive, event by event. */
function collectingReply() {
  const events: unknown[] = [];
  let done: boolean | null = null;
  const reply: ProxyReply = {
    signal: new AbortController().signal,
    json: (status, body) => events.push({ status, body }),
    event: (data) => events.push(data),
    end: (d) => void (done = d),
  };
  const pieces = () =>
    events
      .map((e) => (e as { choices?: Array<{ delta?: { content?: string } }> }).choices?.[0]?.delta?.content ?? "")
      .filter(Boolean);
  return { reply, events, pieces, done: () => done };
}

function vault(): PrivacyVault {
  const v = new PrivacyVault("proxy-unit");
  v.placeholderFor("Anna Weber", "PERSON");
  v.placeholderFor("anna.weber@gmx.de", "EMAIL");
  v.placeholderFor("DE89 3704 0044 0532 0130 00", "IBAN");
  return v;
}

const COMPLETION = { id: "chatcmpl-test", created: 1, model: "m" };
/** What the cloud writes: the canonical form and the forms models turn it into. */
const UPSTREAM = "Dear [PERSON_1], we wrote to [EMAIL_1] about [Person 1]'s account IBAN_1 — PERSON_1 confirmed.";
const RESTORED =
  "Dear Anna Weber, we wrote to anna.weber@gmx.de about Anna Weber's account DE89 3704 0044 0532 0130 00 — Anna Weber confirmed.";
/** Fragments of a placeholder: none may ever reach the client. */
const FRAGMENTS = ["[", "]", "PERS", "Pers", "EMAIL", "IBAN", "_1"];

function streamPieces(pieces: string[]) {
  const out = collectingReply();
  const answer = new ProxyAnswer(out.reply, COMPLETION);
  answer.configure({ messages: [], stream: true, includeUsage: false });
  answer.restoreWith(vault(), "m");
  for (const piece of pieces) answer.push(piece);
  answer.finish("stop", undefined);
  return out;
}

describe("the proxy's streamed answer", () => {
  it("restores a placeholder split at every possible boundary, and never shows a fragment of one", () => {
    for (let at = 0; at <= UPSTREAM.length; at++) {
      const out = streamPieces([UPSTREAM.slice(0, at), UPSTREAM.slice(at)]);
      expect(out.pieces().join("")).toBe(RESTORED);
      for (const piece of out.pieces()) for (const fragment of FRAGMENTS) expect(piece).not.toContain(fragment);
    }
  });

  it("restores exactly whatever chunking the upstream uses (property)", () => {
    const cuts = fc.uniqueArray(fc.integer({ min: 1, max: UPSTREAM.length - 1 }), { maxLength: 40 });
    fc.assert(
      fc.property(cuts, (raw) => {
        const points = [0, ...[...raw].sort((a, b) => a - b), UPSTREAM.length];
        const pieces = points.slice(1).map((end, i) => UPSTREAM.slice(points[i], end));
        const out = streamPieces(pieces);
        expect(out.pieces().join("")).toBe(RESTORED);
        for (const piece of out.pieces()) for (const fragment of FRAGMENTS) expect(piece).not.toContain(fragment);
      }),
      { numRuns: 500 },
    );
  });

  it("opens with the assistant role, closes with the finish reason and [DONE]", () => {
    const out = streamPieces(["Hello [PERS", "ON_1]."]);
    expect(out.events[0]).toMatchObject({
      object: "chat.completion.chunk",
      choices: [{ delta: { role: "assistant", content: "" } }],
    });
    expect(out.events.at(-1)).toMatchObject({ choices: [{ delta: {}, finish_reason: "stop" }] });
    expect(out.done()).toBe(true);
  });

  it("answers a non-streaming request with one restored chat.completion", () => {
    const out = collectingReply();
    const answer = new ProxyAnswer(out.reply, COMPLETION);
    answer.configure({ messages: [], stream: false, includeUsage: false });
    answer.restoreWith(vault(), "m");
    for (const piece of ["Dear [PER", "SON_1]", ", hi."]) answer.push(piece);
    answer.finish("stop", { promptTokens: 3, completionTokens: 4 });
    expect(out.events).toEqual([
      {
        status: 200,
        body: expect.objectContaining({
          object: "chat.completion",
          choices: [expect.objectContaining({ message: expect.objectContaining({ content: "Dear Anna Weber, hi." }) })],
          usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 },
        }),
      },
    ]);
  });
});
