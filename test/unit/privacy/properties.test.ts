import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  detect,
  normalize,
  preparePrivacyEngine,
  PrivacyVault,
  restore,
  sanitize,
  type PrivateType,
} from "../../../app/privacy";

// Invented people and identifiers; IBANs and cards have valid checksums.
const PRIVATE: Array<{ text: string; type: PrivateType }> = [
  { text: "Anna Weber", type: "PERSON" },
  { text: "Gary Thompson", type: "PERSON" },
  { text: "Krisztián Szöllösy", type: "PERSON" },
  { text: "anna.weber@gmx.de", type: "EMAIL" },
  { text: "g.thompson@example.com", type: "EMAIL" },
  { text: "DE89 3704 0044 0532 0130 00", type: "IBAN" },
  { text: "GB29NWBK60161331926819", type: "IBAN" },
  { text: "4111 1111 1111 1111", type: "CARD" },
  { text: "+49 170 1234567", type: "PHONE" },
  { text: "(415) 555-2671", type: "PHONE" },
  { text: "192.168.14.7", type: "IP" },
  { text: "123-45-6789", type: "ID" },
];
const PUBLIC = [
  "please",
  "write",
  "a",
  "short",
  "letter",
  "about",
  "the",
  "heating",
  "and",
  "rent",
  "to",
  "my",
  "bank",
  "today",
  "because",
  "it",
  "is",
  "cold",
  "with",
  "thanks",
];

const word = fc.constantFrom(...PUBLIC);
const item = fc.constantFrom(...PRIVATE);
const sentence = fc.array(
  fc.oneof(
    word.map((w) => ({ kind: "public" as const, text: w })),
    item.map((p) => ({ kind: "private" as const, text: p.text })),
  ),
  { minLength: 1, maxLength: 25 },
);
/**
 * Joins parts with spaces; two private items in a row get a comma between them, as in real
 * text — "Anna Weber Gary Thompson" without one reads as a single four-part name.
 */
const join = (parts: Array<{ kind: "public" | "private"; text: string }>) =>
  parts
    .map((p, i) => (i > 0 && p.kind === "private" && parts[i - 1]?.kind === "private" ? `, ${p.text}` : ` ${p.text}`))
    .join("")
    .trim();

const ZW = ["\u200b", "\u200c", "\u200d", "\u00ad", "\u2060"];
const HOMOGLYPH: Record<string, string> = {
  a: "а",
  e: "е",
  o: "о",
  p: "р",
  c: "с",
  x: "х",
  A: "А",
  E: "Е",
  O: "О",
  T: "Т",
  H: "Н",
};
const FULLWIDTH = (s: string) => s.replace(/[A-Za-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Evasions a user (or a model) might produce, applied to one private value. */
const evasion = fc.constantFrom<[string, (s: string, seed: number) => string]>(
  ["identity", (s) => s],
  ["uppercase", (s) => s.toUpperCase()],
  ["lowercase", (s) => s.toLowerCase()],
  [
    "zero-width",
    (s, seed) =>
      [...s].map((c, i) => (i > 0 && (i + seed) % 2 === 0 ? (ZW[(i + seed) % ZW.length] ?? "") + c : c)).join(""),
  ],
  ["homoglyphs", (s, seed) => [...s].map((c, i) => ((i + seed) % 2 === 0 ? (HOMOGLYPH[c] ?? c) : c)).join("")],
  ["full-width", (s) => FULLWIDTH(s)],
  ["letter spacing", (s) => (/^[\p{L} ]+$/u.test(s) ? [...s.replace(/ /g, "")].join(" ") : s)],
  ["spelled e-mail", (s) => (s.includes("@") ? s.replace("@", " at ").replace(/\./g, " dot ") : s)],
);

describe("privacy properties", () => {
  // The word lists load once per process (~0.5 s, more on a busy machine), as hosts do at start-up.
  beforeAll(() => preparePrivacyEngine());

  it("sanitize then restore gives back the original text", () => {
    fc.assert(
      fc.property(sentence, (parts) => {
        const text = join(parts);
        const vault = new PrivacyVault("p");
        const sanitized = sanitize(text, vault);
        const back = restore(sanitized.text, vault);
        expect(back.unresolved).toEqual([]);
        expect(back.text).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  const key = (s: string) =>
    normalize(s)
      .text.toLowerCase()
      .replace(/[^\p{L}\p{N}@]/gu, "");

  it("the detectors alone see through every evasion: nothing is registered in the vault beforehand", () => {
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 8 }),
        item,
        evasion,
        fc.nat(7),
        fc.array(word, { maxLength: 8 }),
        (before, value, [name, transform], seed, after) => {
          // README's stated limit: a rare name in lowercase is found only when it is in the profile,
          // the documents or "always private" (the next property).
          fc.pre(!(value.type === "PERSON" && name === "lowercase"));
          const vault = new PrivacyVault("p");
          const disguised = transform(value.text, seed);
          const out = sanitize([...before, disguised, ...after].join(" "), vault).text;
          expect(out).not.toContain(disguised);
          expect(key(out)).not.toContain(key(value.text));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("a value the user declared private survives no evasion, not even a lowercase name", () => {
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 8 }),
        item,
        evasion,
        fc.nat(7),
        fc.array(word, { maxLength: 8 }),
        (before, value, [, transform], seed, after) => {
          const vault = new PrivacyVault("p");
          vault.registerTerms([value], "declared");
          const disguised = transform(value.text, seed);
          const out = sanitize([...before, disguised, ...after].join(" "), vault).text;
          expect(out).not.toContain(disguised);
          expect(key(out)).not.toContain(key(value.text));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("what sanitize returns passes the egress re-scan (no false blocks on our own output)", () => {
    fc.assert(
      fc.property(sentence, (parts) => {
        const vault = new PrivacyVault("p");
        const out = sanitize(join(parts), vault).text;
        expect(detect(out, vault)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
