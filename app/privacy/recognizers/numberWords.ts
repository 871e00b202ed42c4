/**
 * Numbers written as words in en/de/fr, on folded text ("fünf" reads "funf", "zwölf" "zwolf"):
 * a closed class of the grammar, used for spelled-out amounts ("fifty dollars", "zweihundert
 * Euro") and ages ("nine years old", "zweiundvierzig Jahre alt", "quarante ans").
 */
export const EN_UNIT =
  "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
export const EN_SPELLED = String.raw`(?:(?:a|${EN_UNIT})(?:[\s-](?:${EN_UNIT}|hundred|thousand|million|and))*)`;
export const DE_SPELLED = String.raw`(?:ein|eins|zwei|drei|vier|funf|sechs|sieben|sieb|acht|neun|zehn|elf|zwolf|zwanzig|dreissig|vierzig|funfzig|sechzig|siebzig|achtzig|neunzig|hundert|tausend|und)+(?:\s(?:Millionen|Million))?`;
export const FR_UNIT =
  "un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|vingts|trente|quarante|cinquante|soixante|cent|cents|mille";
export const FR_SPELLED = String.raw`(?:(?:${FR_UNIT})(?:[\s-](?:et[\s-])?(?:${FR_UNIT}|millions?))*)`;
/** Any en/de/fr number in words, up to millions ("two thousand", "zweiundvierzig", "soixante-dix"). */
export const SPELLED_NUMBER = `(?:${EN_SPELLED}|${DE_SPELLED}|${FR_SPELLED})`;
