import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StreamRestorer, safeEnd } from "../../../../app/pipeline/hybrid/StreamRestorer";
import { PrivacyVault, restore } from "../../../../app/privacy";

function vaultWithPeople(): PrivacyVault {
  const vault = new PrivacyVault("c");
  // Already sent in this conversation, so each has its placeholder ([PERSON_1], [PERSON_2], …).
  const sent = [
    ["Rose Baker", "PERSON"],
    ["Derek Pollard", "PERSON"],
    ["14 Elm Street", "ADDRESS"],
    ["12 March 1987", "DATE_OF_BIRTH"],
  ] as const;
  for (const [value, type] of sent) vault.placeholderFor(value, type);
  return vault;
}

/** Streams `pieces` and returns what was emitted, piece by piece. */
function stream(vault: PrivacyVault, pieces: string[]): { emitted: string[]; restorer: StreamRestorer } {
  const emitted: string[] = [];
  const restorer = new StreamRestorer(vault, (text) => emitted.push(text));
  for (const piece of pieces) restorer.push(piece);
  return { emitted, restorer };
}

describe("safeEnd", () => {
  it("holds back an unclosed bracket that may be a placeholder being written", () => {
    expect(safeEnd("Dear [PERS")).toBe(5);
    expect(safeEnd("Dear [")).toBe(5);
    expect(safeEnd("Dear [PERSON_1]")).toBe("Dear [PERSON_1]".length - 0);
  });

  it("holds back a trailing word that may grow into an unbracketed placeholder", () => {
    expect(safeEnd("Dear PERSON_1")).toBe(5);
    expect(safeEnd("Dear PERSON ")).toBe(5);
    expect(safeEnd("born DATE OF ")).toBe(5);
  });

  it("holds back at most three trailing type words, as many as the longest placeholder name has ('DATE OF BIRTH')", () => {
    expect(safeEnd("born DATE OF BIRTH ")).toBe(5);
    // A fourth type word before them cannot belong to the same placeholder: it is shown.
    expect(safeEnd("the PHONE DATE OF BIRTH ")).toBe("the PHONE ".length);
  });

  it("releases everything up to the last word of ordinary text", () => {
    expect(safeEnd("The heating is broken. ")).toBe("The heating is broken. ".length);
    expect(safeEnd("The heating is brok")).toBe("The heating is ".length);
  });

  it("does not hold an old unclosed parenthesis forever", () => {
    const text = `(see the letter ${"and more words ".repeat(5)}`;
    expect(safeEnd(text)).toBe(text.length);
  });
});

describe("StreamRestorer", () => {
  it("shows a placeholder split over pieces only once it is complete, restored", () => {
    const states: string[] = [];
    const restorer = new StreamRestorer(vaultWithPeople(), () => {});
    for (const piece of ["Dear [Per", "son 1], ", "about [ADDR", "ESS_1]"]) {
      restorer.push(piece);
      states.push(restorer.shown);
    }
    expect(states).toEqual([
      "Dear ",
      "Dear Rose Baker, ",
      "Dear Rose Baker, about ",
      "Dear Rose Baker, about 14 Elm Street",
    ]);
    restorer.finish();
    expect(restorer.shown).toBe("Dear Rose Baker, about 14 Elm Street");
  });

  it("on Stop, what was shown stays and a half placeholder is dropped, never shown", () => {
    const { emitted, restorer } = stream(vaultWithPeople(), ["Dear [PERSON_2], the rent for [PERS"]);
    expect(restorer.shown).toBe("Dear Derek Pollard, the rent for ");
    expect(emitted.join("")).toBe(restorer.shown);
  });

  it("for any split of the cloud's text, every state shown is a prefix of the restored whole", () => {
    const forms = [
      "[PERSON_1]",
      "[Person 2]",
      "PERSON_1",
      "PERSON 2",
      "{ADDRESS_1}",
      "[ DATE OF BIRTH 1 ]",
      "Date_of_birth_1",
      "[PERSON_9]",
      "[Your Name]",
      "(see",
      "[x]",
    ];
    const words = ["Dear", "the", "rent", "is", "due", ",", ".", "\n", "(note)", "[", "]", "born", "DATE", "OF"];
    const token = fc.oneof(fc.constantFrom(...forms), fc.constantFrom(...words));
    const text = fc.array(token, { minLength: 1, maxLength: 30 }).map((parts) => parts.join(" "));
    const cuts = fc.array(fc.nat(), { maxLength: 12 });
    fc.assert(
      fc.property(text, cuts, (full, rawCuts) => {
        const vault = vaultWithPeople();
        const at = [...new Set(rawCuts.map((c) => c % (full.length + 1)))].sort((a, b) => a - b);
        const pieces = [0, ...at, full.length]
          .slice(1)
          .map((end, i, ends) => full.slice(i === 0 ? 0 : ends[i - 1], end));
        const expected = restore(full, vault).text;
        const shown: string[] = [];
        const restorer = new StreamRestorer(vault, (t) => shown.push(t));
        for (const piece of pieces) {
          restorer.push(piece);
          expect(expected.startsWith(shown.join(""))).toBe(true);
        }
        restorer.finish();
        expect(shown.join("")).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
