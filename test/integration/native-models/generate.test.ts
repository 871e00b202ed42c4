import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { ChatTurn, LocalModel } from "../../../app/model/LocalModel";
import { LlamaRuntime } from "../../../native-models/LlamaRuntime";
import { writeTinyGguf } from "../../../native-models/gguf/writeTinyGguf";
import { getTinyModelPath } from "../../helpers/tinyModel";

const turns: ChatTurn[] = [
  { role: "system", content: "You are a helpful assistant." },
  { role: "user", content: "What is on the plan for today?" },
];

let runtime: LlamaRuntime;
let model: LocalModel;

beforeAll(async () => {
  runtime = await LlamaRuntime.create({ gpu: false });
  model = await runtime.load(await getTinyModelPath(), { threads: 1, contextSize: 512 });
});

afterAll(async () => {
  await runtime.dispose();
  expect(model.disposed).toBe(true);
  expect(runtime.llama.disposed).toBe(true);
});

describe("LlamaLocalModel.generate", () => {
  it("streams the answer in several pieces whose concatenation is the returned text", async () => {
    const pieces: string[] = [];
    const result = await model.generate({ turns, maxTokens: 24, seed: 7, onText: (text) => pieces.push(text) });
    expect(pieces.length).toBeGreaterThan(1);
    expect(result.text.length).toBeGreaterThan(0);
    expect(pieces.join("")).toBe(result.text);
    expect(result.tokens).toBeGreaterThan(1);
    expect(result.timeToFirstTokenMs).toBeGreaterThanOrEqual(0);
    expect(result.tokensPerSecond).toBeGreaterThan(0);
  });

  it("stops at maxTokens and says so", async () => {
    const result = await model.generate({ turns, maxTokens: 8, seed: 7 });
    expect(result.stopReason).toBe("maxTokens");
    expect(result.tokens).toBe(8);
  });

  it("gives the same answer for the same seed, and greedy sampling is repeatable", async () => {
    const first = await model.generate({ turns, maxTokens: 16, seed: 42, temperature: 0.9 });
    const again = await model.generate({ turns, maxTokens: 16, seed: 42, temperature: 0.9 });
    const greedy = await model.generate({ turns, maxTokens: 16, temperature: 0 });
    const greedyAgain = await model.generate({ turns, maxTokens: 16, temperature: 0 });
    expect(again.text).toBe(first.text);
    expect(greedyAgain.text).toBe(greedy.text);
  });

  it("returns the partial text marked aborted when the signal fires mid-answer", async () => {
    const controller = new AbortController();
    const pieces: string[] = [];
    const result = await model.generate({
      turns,
      maxTokens: 300,
      seed: 3,
      signal: controller.signal,
      onText: (text) => {
        pieces.push(text);
        if (pieces.length === 3) controller.abort();
      },
    });
    expect(result.stopReason).toBe("aborted");
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    expect(result.text).toBe(pieces.join(""));
    expect(result.text.length).toBeGreaterThan(0);
    expect(result.tokens).toBeLessThan(300);
  });

  it("returns an empty aborted result, without throwing, when aborted before it starts", async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await model.generate({
      turns,
      maxTokens: 50,
      signal: controller.signal,
      onText: () => expect.fail("no text expected"),
    });
    expect(result).toMatchObject({ text: "", stopReason: "aborted", tokens: 0, timeToFirstTokenMs: null });
  });

  it("follows a JSON schema: the answer parses and matches it", async () => {
    const codePoints = (max: number) => z.string().refine((s) => [...s].length <= max, `at most ${max} characters`);
    const expected = z
      .object({
        title: codePoints(24),
        mood: z.enum(["calm", "busy", "tired"]),
        done: z.boolean(),
        tags: z.array(codePoints(8)).max(3),
      })
      .strict();
    const jsonSchema = {
      type: "object",
      properties: {
        title: { type: "string", maxLength: 24 },
        mood: { enum: ["calm", "busy", "tired"] },
        done: { type: "boolean" },
        tags: { type: "array", items: { type: "string", maxLength: 8 }, maxItems: 3 },
      },
      required: ["title", "mood", "done", "tags"],
      additionalProperties: false,
    };
    for (const seed of [1, 2, 3]) {
      const result = await model.generate({ turns, maxTokens: 200, seed, jsonSchema });
      expect(result.stopReason).toBe("eos");
      expect(() => expected.parse(JSON.parse(result.text))).not.toThrow();
    }
  });

  it("runs concurrent calls one after the other, each with its own complete answer", async () => {
    const order: string[] = [];
    const run = (name: string, seed: number) =>
      model.generate({ turns, maxTokens: 10, seed, onText: () => order.push(name) });
    const [a, b] = await Promise.all([run("a", 11), run("b", 12)]);
    // Serialised: every piece of a arrives before any piece of b.
    expect(order.join("")).toMatch(/^a+b+$/);
    const aloneA = await run("a", 11);
    const aloneB = await run("b", 12);
    expect(a.text).toBe(aloneA.text);
    expect(b.text).toBe(aloneB.text);
  });

  it("reports eos when the model ends an answer by itself", async () => {
    const reasons = [];
    for (let seed = 1; seed <= 8; seed++)
      reasons.push((await model.generate({ turns, maxTokens: 150, seed })).stopReason);
    expect(reasons).toContain("eos");
  });

  it("a tiny model written with endsAnswers: false always runs to maxTokens", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tandem-endless-"));
    try {
      await writeTinyGguf(join(dir, "endless.gguf"), { endsAnswers: false });
      const endless = await runtime.load(join(dir, "endless.gguf"), { threads: 1, contextSize: 512 });
      for (let seed = 1; seed <= 8; seed++) {
        expect((await endless.generate({ turns, maxTokens: 150, seed })).stopReason).toBe("maxTokens");
      }
      await endless.dispose();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a tiny model written with endsAnswers: "at-once" ends every answer before writing anything', async () => {
    const dir = await mkdtemp(join(tmpdir(), "tandem-at-once-"));
    try {
      await writeTinyGguf(join(dir, "at-once.gguf"), { endsAnswers: "at-once" });
      const atOnce = await runtime.load(join(dir, "at-once.gguf"), { threads: 1, contextSize: 512 });
      for (let seed = 1; seed <= 8; seed++) {
        const pieces: string[] = [];
        const result = await atOnce.generate({ turns, maxTokens: 150, seed, onText: (piece) => pieces.push(piece) });
        expect(result).toMatchObject({ text: "", stopReason: "eos", tokens: 0 });
        expect(pieces.join("")).toBe("");
      }
      await atOnce.dispose();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("samples afresh for each answer without a seed, even several in the same second (Regenerate)", async () => {
    const texts = new Set<string>();
    for (let i = 0; i < 4; i++) texts.add((await model.generate({ turns, maxTokens: 12 })).text);
    expect(texts.size).toBeGreaterThan(1);
  });

  it("counts tokens with the model's tokenizer", () => {
    expect(model.countTokens("")).toBe(0);
    const short = model.countTokens("hello");
    expect(short).toBeGreaterThan(0);
    expect(model.countTokens("hello hello hello hello")).toBeGreaterThan(short);
  });
});
