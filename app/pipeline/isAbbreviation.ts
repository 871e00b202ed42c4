import nlp from "compromise";

let known: ReadonlySet<string> | null = null;

/** Abbreviations compromise knows ("mr", "dr", "etc", "jan", …), lower-case and without the dot. */
function knownAbbreviations(): ReadonlySet<string> {
  const model = (nlp as unknown as { model(): { one: { abbreviations: Record<string, true> } } }).model();
  known ??= new Set(Object.keys(model.one.abbreviations));
  return known;
}

/**
 * Whether a word with a final dot is an abbreviation rather than the end of a sentence: one that
 * compromise's list knows ("Mr.", "Dr.", "etc."), or a single letter ("z." and "B." of the German
 * "z. B.", an initial such as "J.").
 */
export function isAbbreviation(word: string): boolean {
  const match = /^\(?([\p{L}]+)\.$/u.exec(word);
  if (!match) return false;
  const stem = match[1]!;
  return [...stem].length === 1 || knownAbbreviations().has(stem.toLowerCase());
}
