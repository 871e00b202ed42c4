import { describe, expect, it } from "vitest";
import { chunkText } from "../../../app/context/chunkText";
import { estimateTokens } from "../../../app/context/estimateTokens";

/** One token per whitespace-separated word: makes expected chunk sizes easy to read. */
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

const sentence = (n: number, tag: string) => `${Array.from({ length: n - 1 }, (_, i) => `${tag}${i}`).join(" ")} end.`;

describe("chunkText", () => {
  it("returns nothing for empty or blank text", () => {
    expect(chunkText("")).toEqual([]);
    expect(chunkText(" \n\n \t")).toEqual([]);
  });

  it("keeps a short text as one chunk with its token count", () => {
    expect(chunkText("Hello there.\n\nSecond paragraph.", { countTokens: words })).toEqual([
      { seq: 0, text: "Hello there.\n\nSecond paragraph.", tokens: 4 },
    ]);
  });

  it("breaks between paragraphs rather than splitting one that fits a chunk", () => {
    const a = `${sentence(6, "a")} ${sentence(6, "a")}`; // 12 words
    const b = `${sentence(6, "b")} ${sentence(6, "b")}`;
    const c = `${sentence(6, "c")} ${sentence(6, "c")}`;
    const chunks = chunkText([a, b, c].join("\n\n"), { targetTokens: 30, overlapTokens: 6, countTokens: words });
    expect(chunks.map((c) => c.text)).toEqual([`${a}\n\n${b}`, c]);
  });

  it("never exceeds the target, and every chunk after a mid-paragraph cut starts with the last sentence before it", () => {
    const sentences = Array.from({ length: 20 }, (_, i) => sentence(5, `S${i}w`));
    const chunks = chunkText(sentences.join(" "), { targetTokens: 20, overlapTokens: 5, countTokens: words });
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) expect(words(chunk.text)).toBeLessThanOrEqual(20);
    for (let i = 1; i < chunks.length; i++) {
      const previousLast = chunks[i - 1]!.text.split(/(?<=end\.)\s+/).at(-1)!;
      expect(chunks[i]!.text.startsWith(previousLast)).toBe(true);
    }
    // Every sentence is somewhere, in order.
    const joined = chunks.map((c) => c.text).join(" ");
    for (const s of sentences) expect(joined).toContain(s);
  });

  it("does not repeat text across a paragraph boundary", () => {
    const paragraphs = Array.from({ length: 4 }, (_, i) => sentence(15, `p${i}w`));
    const chunks = chunkText(paragraphs.join("\n\n"), { targetTokens: 20, overlapTokens: 8, countTokens: words });
    expect(chunks.map((c) => c.text)).toEqual(paragraphs);
  });

  it("splits an over-long sentence between words, and a giant word between characters", () => {
    const long = Array.from({ length: 50 }, (_, i) => `w${i}`).join(" ");
    const chunks = chunkText(long, { targetTokens: 10, overlapTokens: 0, countTokens: words });
    expect(chunks.map((c) => words(c.text))).toEqual([10, 10, 10, 10, 10]);
    const blob = "x".repeat(1000);
    const byChars = chunkText(blob, { targetTokens: 10, countTokens: (t) => Math.ceil(t.length / 30) });
    expect(byChars.map((c) => c.text).join("")).toBe(blob);
    for (const c of byChars) expect(c.tokens).toBeLessThanOrEqual(10);
  });

  it("respects the target with a tokenizer that counts joined text differently from its parts", () => {
    // Grows faster than linearly: the sum of the sentences' counts underestimates the joined text.
    const spacey = (t: string) => words(t) + Math.floor(words(t) ** 2 / 20);
    const text = Array.from({ length: 30 }, (_, i) => sentence(4, `T${i}x`)).join(" ");
    const chunks = chunkText(text, { targetTokens: 16, overlapTokens: 0, countTokens: spacey });
    for (const c of chunks) {
      expect(c.tokens).toBe(spacey(c.text));
      expect(c.tokens).toBeLessThanOrEqual(16);
    }
    expect(chunks.map((c) => c.text).join(" ")).toBe(text);
  });

  it("keeps line breaks inside a paragraph (addresses, lists)", () => {
    const text = "Address:\nFlat 4B\n12 Rose Street\nEdinburgh";
    expect(chunkText(text, { countTokens: words })[0]!.text).toBe(text);
  });

  it("numbers chunks in document order and uses the built-in estimate by default", () => {
    const text = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} talks about topic ${i} in some detail.`).join(
      "\n\n",
    );
    const chunks = chunkText(text, { targetTokens: 50 });
    expect(chunks.map((c) => c.seq)).toEqual(chunks.map((_, i) => i));
    for (const c of chunks) expect(c.tokens).toBe(estimateTokens(c.text));
    expect(chunks[0]!.text.startsWith("Paragraph 0 ")).toBe(true);
    expect(chunks.at(-1)!.text.endsWith("topic 39 in some detail.")).toBe(true);
  });
});

describe("estimateTokens", () => {
  it("counts short words as one token, long words as more, punctuation and CJK characters one each", () => {
    expect(estimateTokens("")).toBe(0);
    expect(estimateTokens("the cat sat")).toBe(3);
    expect(estimateTokens("appointment")).toBe(2);
    expect(estimateTokens("Hi, Bob!")).toBe(4);
    expect(estimateTokens("東京都")).toBe(3);
  });
});
