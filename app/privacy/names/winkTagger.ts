import type { WinkMethods } from "wink-nlp";
import { BoundedTagger } from "./BoundedTagger";

/** A word wink-nlp's English model tagged, with its offsets in the text it read. */
export interface TaggedWord {
  start: number;
  end: number;
  pos: string;
}

/**
 * wink-nlp with its English light model (MIT, ~3.8 MB on disk, ~9 MB heap, ~0.1 s CPU to load;
 * tags ~3 MB/s of text on one core here). Loaded on first use: only English paragraphs need it.
 * Only part-of-speech tagging runs (no sentence, entity, sentiment or negation pass: they cost
 * time and the names step does not read them; BoundedTagger says why the tags stay the same). Rebuilt once it has learnt 100,000 new
 * words (BoundedTagger), so a sanitizer that runs for days does not grow with every word it saw.
 */
const shared = new BoundedTagger();

export function loadTagger(): WinkMethods {
  return shared.tagger();
}

/** What the shared tagger holds beyond its shipped model: for the memory benchmark. */
export function taggerStats(): { addedWords: number; reloads: number } {
  return shared.stats();
}

/** Every token of `text` with its part-of-speech tag and its offsets (wink reports values, not offsets). */
export function tagWords(text: string): TaggedWord[] {
  const nlp = loadTagger();
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(nlp.its.value) as string[];
  const tags = doc.tokens().out(nlp.its.pos) as string[];
  const out: TaggedWord[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string;
    const start = text.indexOf(value, at);
    // A token wink rewrote (it expands some contractions) is not in the text as such: skip it.
    if (start < 0) continue;
    at = start + value.length;
    out.push({ start, end: at, pos: tags[i] as string });
  }
  return out;
}

/** The tag the tagger gave the word at exactly start–end, if it kept that word as one token. */
export function posAt(tags: readonly TaggedWord[], start: number, end: number): string | undefined {
  // tagWords gives words in text order (starts never decrease): binary search for the first word at
  // `start`, then the first of those ending at `end` — what a linear find returns, without reading every word.
  let lo = 0;
  let hi = tags.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((tags[mid] as TaggedWord).start < start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < tags.length && (tags[i] as TaggedWord).start === start; i++)
    if ((tags[i] as TaggedWord).end === end) return (tags[i] as TaggedWord).pos;
  return undefined;
}

/** The tags of `text`, computed on first call and kept: a paragraph's rules share one tagging pass. */
export function lazyTags(text: string): () => readonly TaggedWord[] {
  let tags: TaggedWord[] | undefined;
  return () => (tags ??= tagWords(text));
}
