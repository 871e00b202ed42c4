import type { WinkMethods } from "wink-nlp";
import { describe, expect, it } from "vitest";
import { BoundedTagger } from "../../../../app/privacy/names/BoundedTagger";
import { unseenParagraphs } from "../../../../bench/nlpMemory/unseenText";

const KNOWN = "Dr. Amelia Hart asked Peter to send the signed lease to Bristol City Council on Friday.";
const BOUND = 2_000;

function tags(nlp: WinkMethods, text: string): string[] {
  return nlp.readDoc(text).tokens().out(nlp.its.pos) as string[];
}

describe("the names step's tagger forgets what it learnt once it passes its bound (memory of a long-running app)", () => {
  it("never holds more learnt words than the bound plus one paragraph's, however many unseen words it reads", () => {
    const tagger = new BoundedTagger({ maxAddedWords: BOUND });
    const next = unseenParagraphs(11);
    let mostHeld = 0;
    for (let read = 0; read < 5 * BOUND;) {
      const paragraph = next();
      tags(tagger.tagger(), paragraph);
      mostHeld = Math.max(mostHeld, tagger.stats().addedWords);
      read += paragraph.split(/\s+/).length;
    }
    expect(mostHeld).toBeGreaterThan(BOUND);
    expect(mostHeld).toBeLessThan(BOUND + 400);
    expect(tagger.stats().reloads).toBeGreaterThanOrEqual(3);
  });

  it("tags every paragraph and a known sentence exactly as a tagger that learnt every word before them", () => {
    const bounded = new BoundedTagger({ maxAddedWords: BOUND });
    const learnsAll = new BoundedTagger({ maxAddedWords: Infinity });
    const next = unseenParagraphs(12);
    const before = tags(bounded.tagger(), KNOWN);
    while (learnsAll.stats().addedWords < 4 * BOUND) {
      const paragraph = next();
      expect(tags(bounded.tagger(), paragraph)).toEqual(tags(learnsAll.tagger(), paragraph));
    }
    expect(bounded.stats().reloads).toBeGreaterThanOrEqual(3);
    expect(tags(bounded.tagger(), KNOWN)).toEqual(before);
    expect(tags(learnsAll.tagger(), KNOWN)).toEqual(before);
    expect(before.slice(0, 4)).toEqual(["PROPN", "PROPN", "PROPN", "VERB"]);
  });

  it("keeps tagging after more rebuilds than a long-running app makes in weeks (the model's loader once crashed at the 21st)", () => {
    const tagger = new BoundedTagger({ maxAddedWords: 50 });
    const next = unseenParagraphs(13);
    const before = tags(tagger.tagger(), KNOWN);
    while (tagger.stats().reloads < 25) tags(tagger.tagger(), next());
    expect(tags(tagger.tagger(), KNOWN)).toEqual(before);
  }, 60_000);

  it("rebuilds before wink's word-shape list outgrows the bits wink packs it into, long before the word bound", () => {
    // A Cyrillic word's shape is the word itself (wink maps only a–z, A–Z and digits to x, X, d),
    // so each new one adds a shape; past 16,383 shapes wink would write into a neighbour's bits.
    const tagger = new BoundedTagger();
    const letters = "абвгдежзиклмнопрстуфхцчшщыэюя";
    const word = (n: number) =>
      letters[n % 29]! + letters[Math.floor(n / 29) % 29]! + letters[Math.floor(n / 841)]! + "о";
    const before = tags(tagger.tagger(), KNOWN);
    for (let n = 0; n < 10_000; n += 50) {
      const words = Array.from({ length: 50 }, (_, i) => word(n + i));
      tags(tagger.tagger(), `${words.join(" ")}.`);
    }
    expect(tagger.stats().reloads).toBeGreaterThanOrEqual(1);
    expect(tags(tagger.tagger(), KNOWN)).toEqual(before);
  });
});
