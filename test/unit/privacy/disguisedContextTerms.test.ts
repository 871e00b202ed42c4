import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { preparePrivacyEngine, PrivacyVault, registerContext, sanitize } from "../../../app/privacy";
import { containsItem, prepareHaystack } from "../../../bench/privacy/matchText";

/**
 * Issue #11, item 3: a value of the conversation's private context stays private however it is
 * re-typed — lowercase, dotted letters ("j.o.h.n"), spaced letters ("J o h n"), and with
 * zero-width characters, soft hyphens or homoglyphs on top. Invented people and numbers; the
 * IBANs have valid checksums, the phones are in drama/test ranges.
 */
const PROFILE =
  "Name: Hope Whitfield. E-mail: hope.whitfield@posteo.de. Mobile: +44 7700 900123. IBAN: GB29 NWBK 6016 1331 9268 19.";
const CONTEXT =
  "My brother Tomasz Wieczorek (t.wieczorek84@gmx.net, +49 151 23456789) pays the rent from DE89 3704 0044 0532 0130 00.";
const VALUES = [
  "Hope Whitfield",
  "Whitfield",
  "hope.whitfield@posteo.de",
  "+44 7700 900123",
  "GB29 NWBK 6016 1331 9268 19",
  "Tomasz Wieczorek",
  "Wieczorek",
  "t.wieczorek84@gmx.net",
  "+49 151 23456789",
  "DE89 3704 0044 0532 0130 00",
];

const letters = (s: string) => [...s.replace(/\s+/g, "")];
const DISGUISES: ReadonlyArray<readonly [string, (s: string) => string]> = [
  ["lowercase", (s) => s.toLowerCase()],
  ["uppercase", (s) => s.toUpperCase()],
  [
    "dotted letters",
    (s) =>
      s
        .split(/\s+/)
        .map((w) => [...w].join("."))
        .join(" "),
  ],
  [
    "dotted lowercase",
    (s) =>
      s
        .toLowerCase()
        .split(/\s+/)
        .map((w) => [...w].join("."))
        .join(" "),
  ],
  ["spaced letters", (s) => letters(s).join(" ")],
  ["spaced lowercase", (s) => letters(s.toLowerCase()).join(" ")],
  [
    "spaced words",
    (s) =>
      s
        .split(/\s+/)
        .map((w) => [...w].join(" "))
        .join("   "),
  ],
];
const INVISIBLE = ["\u200b", "\u200c", "\u2060", "\u00ad"];
const HOMOGLYPH: Record<string, string> = { a: "а", e: "е", o: "о", p: "р", c: "с" };
const OVERLAYS: ReadonlyArray<readonly [string, (s: string, seed: number) => string]> = [
  ["none", (s) => s],
  [
    "zero-width and soft hyphens",
    (s, seed) =>
      [...s]
        .map((c, i) => (i > 0 && (i + seed) % 3 === 0 ? `${INVISIBLE[(i + seed) % INVISIBLE.length]}${c}` : c))
        .join(""),
  ],
  ["homoglyphs", (s, seed) => [...s].map((c, i) => ((i + seed) % 2 === 0 ? (HOMOGLYPH[c] ?? c) : c)).join("")],
];
const FRAMES = [
  "Please write to {} about the rent.",
  "Can you ask {} whether the heating works?",
  "Reminder: {}, then the bank.",
  "Send it to {}",
];

function contextVault(): PrivacyVault {
  const vault = new PrivacyVault("disguise");
  registerContext(vault, PROFILE, { locale: "en-GB" });
  registerContext(vault, CONTEXT, { locale: "en-GB" });
  return vault;
}

describe("context terms re-typed in disguise", () => {
  beforeAll(() => preparePrivacyEngine());

  it("registers every identifying value of the context", () => {
    const vault = contextVault();
    for (const value of VALUES) expect(vault.find(value), value).toBeDefined();
  });

  it("leaves none of them readable after sanitize, in any disguise and any frame", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VALUES),
        fc.constantFrom(...DISGUISES),
        fc.constantFrom(...OVERLAYS),
        fc.constantFrom(...FRAMES),
        fc.nat(5),
        (value, [, disguise], [, overlay], frame, seed) => {
          const typed = overlay(disguise(value), seed);
          const out = sanitize(frame.replace("{}", typed), contextVault(), { locale: "en-GB" }).text;
          // Read back by the benchmark's own matcher (independent of the engine's normalizer).
          expect(containsItem(prepareHaystack(out), value), `${typed} → ${out}`).toBe(false);
          expect(out).not.toContain(typed);
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);

  it("catches a name that is an everyday word when it is spelled out, but never turns the word itself private", () => {
    const vault = contextVault();
    expect(sanitize("Please write to h.o.p.e and to H O P E today.", vault).text).not.toMatch(/h\.o\.p\.e|H O P E/);
    expect(sanitize("I hope the rent is paid; we hope so.", vault).text).toBe("I hope the rent is paid; we hope so.");
  });

  it("keeps digits written apart that are no private value, and version numbers", () => {
    const vault = contextVault();
    const text = "Steps 1 2 3 of version 2.4.1, then rate it 4 5.";
    expect(sanitize(text, vault).text).toBe(text);
  });
});
