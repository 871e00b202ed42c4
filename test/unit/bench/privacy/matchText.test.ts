import { describe, expect, it } from "vitest";
import { containsItem, normalizeForMatch, occurs, prepareHaystack } from "../../../../bench/privacy/matchText";

const leaks = (text: string, item: string) => containsItem(prepareHaystack(text), item);

describe("normalizeForMatch", () => {
  it("folds case, full-width forms and runs of whitespace", () => {
    expect(normalizeForMatch("  Ａｎｎａ \n\t WEBER ")).toBe("anna weber");
  });

  it("removes zero-width characters and soft hyphens a reader never sees", () => {
    expect(normalizeForMatch("A\u200bnna Ste\u00adfanie")).toBe("anna stefanie");
  });

  it("maps Cyrillic look-alike letters to Latin", () => {
    expect(normalizeForMatch("B\u0435rnard")).toBe("bernard");
  });
});

describe("containsItem", () => {
  it("finds an item case-insensitively with different spacing", () => {
    expect(leaks("Dear DEREK   POLLARD,", "Derek Pollard")).toBe(true);
  });

  it("matches items of four characters or fewer only as whole words", () => {
    expect(leaks("Tell Anna's sister", "Anna")).toBe(true);
    expect(leaks("Tell Annabel", "Anna")).toBe(false);
    expect(leaks("I am 35.", "35")).toBe(true);
    expect(leaks("postcode 35390", "35")).toBe(false);
  });

  it("matches longer items as substrings, e.g. a name inside an e-mail address", () => {
    expect(leaks("write to lucy.fairbanks@northmail.co.uk", "Fairbanks")).toBe(true);
  });

  it("reads letter-spaced names as the name", () => {
    expect(leaks("sign it as d a n i e l   o k o n k w o", "Daniel Okonkwo")).toBe(true);
    expect(leaks("unterschrieben mit K a t r i n  S e i d e l.", "Katrin Seidel")).toBe(true);
  });

  it("reads spelled-out e-mail addresses in English, German and French", () => {
    expect(leaks("felix dot marchetti at protonmail dot com", "felix.marchetti@protonmail.com")).toBe(true);
    expect(leaks("m.schulz (at) web.de", "m.schulz@web.de")).toBe(true);
    expect(leaks("julie point martin arobase free point fr", "julie.martin@free.fr")).toBe(true);
  });

  it("does not report an item that a placeholder replaced", () => {
    expect(leaks("Dear [PERSON_1], the heating is broken.", "Derek Pollard")).toBe(false);
    expect(leaks("reach me at [EMAIL_1]", "felix.marchetti@protonmail.com")).toBe(false);
  });

  it("does not report an empty item", () => {
    expect(leaks("anything", "  ")).toBe(false);
  });
});

describe("occurs", () => {
  it("treats digits and letters of any script as word characters", () => {
    expect(occurs("théo vasseur", "théo")).toBe(true);
    expect(occurs("théodore", "théo")).toBe(false);
  });
});

describe("containsItem on number-like items", () => {
  it("ignores spaces and separators, so a re-spaced IBAN or phone still counts", () => {
    expect(leaks("IBAN DE83513500250200147853", "DE83 5135 0025 0200 1478 53")).toBe(true);
    expect(leaks("call 0171-234 5678", "0171 2345678")).toBe(true);
  });

  it("does not join digits for short numbers", () => {
    expect(leaks("rooms 12 34", "1234")).toBe(false);
  });
});
