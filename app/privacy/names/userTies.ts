/**
 * Does the text tie a public name to the user? "I work at Siemens", "my employer, Airbus",
 * "I live in Lyon", "born in Spain", "my bank (HSBC)", "ich arbeite bei …", "mein Arbeitgeber",
 * "je travaille chez …", "j'habite à …": a well-known organisation or place becomes the user's
 * data when it is where they work, live, were born, bank, study or are treated. Grammar only
 * (first person + relation), in en/de/fr; the name must follow within a few words.
 */
const EN = String.raw`\b(?:i(?:'m| am)?|we(?:'re| are)?)\s+(?:\w+\s+)?(?:work(?:ed|ing)?|am employed|intern(?:ed)?|live[ds]?|living|moved|grew up|was born|study|studied|bank|banked|applied|apply(?:ing)?|joined|started|volunteer(?:ed)?|teach|taught|attend(?:ed)?)\b[^.!?\n,;]{0,24}?\b(?:at|for|in|with|to|from|near)`;
const EN_MY = String.raw`\b(?:my|our)\s+(?:current\s+|former\s+|new\s+|old\s+|home\s+)?(?:employer|company|firm|bank|school|university|college|hospital|clinic|doctor'?s?|practice|insurer|insurance|landlord|agency|team|office|department|hometown|home\s*town|city|town|village|neighbo(?:u)?rhood|country|address|workplace|job|position|role|internship)\b[^.!?\n,;]{0,16}?(?:\b(?:is|was|at|in|with|called|named)\b|[,:(]|\s)`;
const EN_FROM = String.raw`\b(?:i(?:'m| am)|we(?:'re| are))\s+(?:originally\s+)?from|\bborn\s+in|\bbased\s+in`;
const DE = String.raw`\b(?:ich|wir)\s+(?:\w+\s+)?(?:arbeite[nt]?|wohne[nt]?|lebe[nt]?|studiere[nt]?|bin|sind|komme[nt]?)\b[^.!?\n,;]{0,24}?\b(?:bei|in|im|an|aus|fur|nach)|\b(?:mein|meine|meinem|meiner|meinen|unser|unsere)\s+(?:arbeitgeber|firma|bank|schule|uni|universitat|klinik|praxis|versicherung|heimatstadt|stadt|dorf|wohnort|arbeitsplatz)\b|\bgeboren\s+in`;
const FR = String.raw`\b(?:je|j'|nous)\s*(?:\w+\s+)?(?:travaille|travaillons|habite|habitons|vis|vivons|etudie|suis|sommes|viens)\b[^.!?\n,;]{0,24}?\b(?:chez|a|au|aux|en|pour|dans|de|d')|\b(?:mon|ma|mes|notre)\s+(?:employeur|entreprise|societe|banque|ecole|universite|clinique|cabinet|assurance|ville|village|quartier)\b|\bne(?:e)?\s+a`;

// The name follows its cue within the same clause: "I bank with HSBC, not a PDF" ties HSBC only.
const TIE = new RegExp(String.raw`(?:${EN}|${EN_MY}|${EN_FROM}|${DE}|${FR})[^.!?\n,;]{0,30}$`, "i");

// Every cue above holds one of these words; most windows hold none, and this test is cheap.
const CUE_WORD =
  /\b(?:i|i'm|we|we're|my|our|born|based|ich|wir|mein\w*|unser\w*|geboren|je|j'|nous|mon|ma|mes|notre|nee?)\b/i;

/** True when the words before `start` (same sentence, ≤ ~80 characters) tie what starts there to the user. */
export function tiedToUser(text: string, start: number): boolean {
  const window = text.slice(Math.max(0, start - 90), start);
  return CUE_WORD.test(window) && TIE.test(window);
}
