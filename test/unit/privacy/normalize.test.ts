import { describe, expect, it } from "vitest";
import { detect, normalize, PrivacyVault, sanitize } from "../../../app/privacy";

function vaultWith(terms: Array<{ text: string; type: "PERSON" | "EMAIL" | "IBAN" | "PHONE" }>): PrivacyVault {
  const vault = new PrivacyVault("t");
  vault.registerTerms(terms, "declared");
  return vault;
}

describe("normalize", () => {
  it("folds full-width letters, ligatures, diacritics and removes zero-width characters", () => {
    expect(normalize("Ａｎｎａ W\u200beb\u00ader ﬁle Müller").text).toBe("Anna Weber file Muller");
  });

  it("maps Cyrillic look-alikes inside Latin words but leaves real Cyrillic text alone", () => {
    expect(normalize("\u0410nna W\u0435ber").text).toBe("Anna Weber");
    expect(normalize("Привет мир").text).toBe("Привет мир");
  });

  it("joins letters separated by spaces, dots or hyphens", () => {
    expect(normalize("call a n n a or w.e.b.e.r").text).toBe("call anna or weber");
  });

  it("rewrites spelled-out e-mail addresses, but not an ordinary 'at'", () => {
    expect(normalize("write anna dot weber at gmx dot de").text).toBe("write anna.weber@gmx.de");
    expect(normalize("mail anna [at] gmx.de").text).toBe("mail anna@gmx.de");
    expect(normalize("I work at example.com").text).toBe("I work at example.com");
  });

  it("keeps a map back to the original offsets", () => {
    const original = "x A\u200Bnna y";
    const n = normalize(original);
    const start = n.text.indexOf("Anna");
    expect(original.slice(n.starts[start], n.ends[start + 3])).toBe("A\u200Bnna");
  });
});

describe("evasions fail", () => {
  const vault = () =>
    vaultWith([
      { text: "Anna Weber", type: "PERSON" },
      { text: "anna.weber@gmx.de", type: "EMAIL" },
    ]);

  it.each([
    ["homoglyphs", "Ask \u0410nna W\u0435ber."],
    ["zero-width characters", "Ask An\u200Bna We\u200Dber."],
    ["soft hyphens", "Ask An\u00adna Web\u00ader."],
    ["full-width letters", "Ask Ａｎｎａ Ｗｅｂｅｒ."],
    ["letter spacing", "Ask a n n a w e b e r."],
    ["dotted letters", "Ask A.n.n.a W.e.b.e.r."],
    ["lowercase", "ask anna weber."],
  ])("finds a declared name written with %s", (_label, text) => {
    const out = sanitize(text, vault()).text;
    expect(out).toContain("[PERSON_1]");
    expect(out.toLowerCase()).not.toMatch(/weber|w e b|w\.e\.b/);
  });

  it("finds a spelled-out e-mail address and replaces the whole spelled-out form", () => {
    const out = sanitize("write to anna dot weber at gmx dot de please", vault()).text;
    // The registered e-mail was never sent, so this one is the first e-mail to leave: number 1.
    expect(out).toBe("write to [EMAIL_1] please");
  });

  it("finds numbers written with unusual spacing once they are known", () => {
    const v = vaultWith([{ text: "DE89 3704 0044 0532 0130 00", type: "IBAN" }]);
    expect(detect("IBAN DE8937 04004405 32013000", v).map((d) => d.type)).toEqual(["IBAN"]);
    expect(detect("it is D E 8 9 3 7 0 4 0 0 4 4 0 5 3 2 0 1 3 0 0 0", v).map((d) => d.type)).toEqual(["IBAN"]);
  });
});
