import { describe, expect, it } from "vitest";
import type { Message } from "../../../../app/contract/types";
import { TandemError } from "../../../../app/contract/errors";
import type { AnswerContext } from "../../../../app/pipeline/Answerer";
import { AnswerRun, fallbackReason, type RunDeps, type RunSettings } from "../../../../app/pipeline/hybrid/AnswerRun";
import type { CloudProvider } from "../../../../app/providers/cloud";

/** A run with only what these steps read: the settings, the history and the answer stream. */
function runWith(settings: Partial<RunSettings> = {}, history: Array<Pick<Message, "role" | "content">> = []) {
  const streamed: Array<[string, string | undefined]> = [];
  const deps = { settings: () => ({ hybridStrategy: "sketch-refine", locale: "en-US", ...settings }) } as RunDeps;
  const ctx = {
    conversation: { id: "c1" },
    history,
    messageId: "m1",
    onText: (text: string, stage?: string) => streamed.push([text, stage]),
  } as unknown as AnswerContext;
  return { run: new AnswerRun(deps, ctx, "hybrid", "sketch-refine"), streamed };
}

const provider = { host: "api.example.test", model: "m" } as CloudProvider;

describe("AnswerRun: what the Hybrid and Cloud answers share", () => {
  it("falls back to a local answer for every expected failure, but lets a bug fail as a bug", () => {
    const offline = new TandemError("offline", "Offline mode is on.");
    expect(fallbackReason(offline)).toEqual({ code: "offline", message: "Offline mode is on." });
    expect(fallbackReason(new TypeError("x is undefined"))).toBeNull();
    expect(fallbackReason(new TandemError("internal", "a bug"))).toBeNull();
  });

  it("gives the cloud answer's speed over the time it streamed, in tokens the provider counted, else in pieces", () => {
    const { run } = runWith();
    const counted = { text: "", finishReason: "stop" as const, firstTextMs: 200, ms: 2200 };
    expect(run.cloudStats({ ...counted, usage: { completionTokens: 50 } } as never, 7)).toEqual({
      tokens: 50,
      tokensPerSecond: 25,
      timeToFirstTokenMs: null,
    });
    expect(run.cloudStats({ ...counted, usage: null }, 30)).toMatchObject({ tokens: 30, tokensPerSecond: 15 });
    expect(run.cloudStats({ ...counted, usage: null, firstTextMs: 3, ms: 10 }, 7)).toMatchObject({
      tokensPerSecond: 1000,
    });
    // No text came, or all of it at once: no speed to give rather than a made-up one.
    expect(run.cloudStats({ ...counted, usage: null, firstTextMs: null }, 0).tokensPerSecond).toBeNull();
    expect(run.cloudStats({ ...counted, usage: null, firstTextMs: 2200 }, 5).tokensPerSecond).toBeNull();
  });

  it("times the first piece of the visible answer from the start of the run, once", async () => {
    const started = performance.now();
    const { run, streamed } = runWith();
    await new Promise((resolve) => setTimeout(resolve, 20));
    run.emitAnswer("Hello");
    const first = run.localStats({
      tokens: 1,
      tokensPerSecond: null,
      timeToFirstTokenMs: 99_999,
    } as never).timeToFirstTokenMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    run.emitAnswer(" world");
    expect(streamed).toEqual([
      ["Hello", "answer"],
      [" world", "answer"],
    ]);
    expect(first).toBeGreaterThanOrEqual(19);
    expect(first).toBeLessThanOrEqual(performance.now() - started);
    expect(run.localStats({ tokens: 2, tokensPerSecond: 4, timeToFirstTokenMs: 99_999 } as never)).toEqual({
      tokens: 2,
      tokensPerSecond: 4,
      timeToFirstTokenMs: first,
    });
  });

  it("takes the local model's time to first token when nothing of the visible answer streamed through the run", () => {
    const { run } = runWith();
    expect(run.localStats({ tokens: 3, tokensPerSecond: 9, timeToFirstTokenMs: 120 } as never).timeToFirstTokenMs).toBe(
      120,
    );
  });

  it("names the configured base URL's chat endpoint in the request (the audit log shows it), without stray slashes or spaces", () => {
    const configured = runWith({ cloudBaseUrl: " https://api.example.test/v1// " }).run.request(provider, []);
    expect(configured.endpoint).toBe("https://api.example.test/v1/chat/completions");
    expect(runWith({ cloudBaseUrl: null }).run.request(provider, []).endpoint).toBe("api.example.test");
    expect(runWith({ cloudBaseUrl: "  " }).run.request(provider, []).endpoint).toBe("api.example.test");
  });

  it("answers the last user message of the history", () => {
    const history = [
      { role: "user" as const, content: "first question" },
      { role: "assistant" as const, content: "first answer" },
      { role: "user" as const, content: "second question" },
    ];
    expect(runWith({}, history).run.instruction).toBe("second question");
  });
});
