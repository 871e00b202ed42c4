/**
 * A cheap guess at a paragraph's language from its function words, so that German text (where
 * every noun is capitalized) is not read with English capitalization rules. Falls back to the
 * user's locale when the text is too short to tell.
 */
const MARKERS: Record<string, Set<string>> = {
  en: new Set("the and is are was to of you i that it for with this have my your not be".split(" ")),
  de: new Set("der die das und ist ich nicht mit sie ein eine zu auf fur den dem ihr wir sehr bitte habe mein meine".split(" ")),
  fr: new Set("le la les et je est pas une des pour que dans vous nous avec mon ma mes ce sur au aux".split(" ")),
};

/** `words`: the paragraph's words in lowercase (the first 200 are enough). */
export function guessLanguage(words: readonly string[], fallback: string): string {
  const counts: Record<string, number> = { en: 0, de: 0, fr: 0 };
  for (const word of words.slice(0, 200)) {
    for (const [lang, markers] of Object.entries(MARKERS)) if (markers.has(word)) counts[lang] = (counts[lang] ?? 0) + 1;
  }
  const [best, score] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0] ?? ["en", 0];
  return score >= 2 ? best : fallback;
}
