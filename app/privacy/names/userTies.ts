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
const DE = String.raw`\b(?:ich|wir)\s+(?:\w+\s+)?(?:arbeite[nt]?|wohne[nt]?|lebe[nt]?|studiere[nt]?|bin|sind|komme[nt]?)\b[^.!?\n,;]{0,24}?\b(?:bei|in|im|an|aus|fur|nach)|\b(?:mein|meine|meinem|meiner|meinen|unser|unsere)\s+(?:arbeitgeber|firma|bank|schule|uni|universitat|klinik|praxis|versicherung|versicherer|krankenkasse|krankenversicherung|vermieter|heimatstadt|stadt|dorf|wohnort|arbeitsplatz)\b(?:\s*[,:(])?|\bgeboren\s+in`;
const FR = String.raw`\b(?:je|j'|nous)\s*(?:\w+\s+)?(?:travaille|travaillons|habite|habitons|vis|vivons|etudie|suis|sommes|viens)\b[^.!?\n,;]{0,24}?\b(?:chez|a|au|aux|en|pour|dans|de|d')|\b(?:mon|ma|mes|notre)\s+(?:employeur|entreprise|societe|banque|ecole|universite|clinique|cabinet|assurance|assureur|mutuelle|bailleur|ville|village|quartier)\b(?:\s*[,:(])?|\bne(?:e)?\s+a`;

// German and French "my employer, …" and "mon assureur (…)" allow the same comma, colon or bracket as English.
// A profile's field label that names the relation ("Employer: Boeing", "Arbeitgeber: BMW AG",
// "Mutuelle : MGEN"): the value after the colon is the user's, as after "my employer".
const LABEL = String.raw`(?:^|[\n.,;(|·]\s*)(?:employer|company|bank|school|university|college|insurer|insurance|health\s+insurance|landlord|workplace|arbeitgeber|firma|schule|universitat|versicherung|krankenkasse|krankenversicherung|employeur|entreprise|banque|ecole|universite|assurance|assureur|mutuelle|bailleur)\s*:\s*`;

// A participle or noun that makes the user a member, customer or employee ("assurée à la …", "salarié
// chez …", "versichert bei der …", "insured with …", "customer of …"): the user's relation without "I".
const MEMBER = String.raw`\b(?:assur[eé]e?s?|salari[eé]e?s?|employ[eé]e?s?|client(?:e|s)?|adh[eé]rente?s?|soci[eé]taire|affili[eé]e?s?|versichert|angestellt|beschaftigt|besch[äa]ftigt|kunde|kundin|mitglied|insured|employed|customer|client|member|policyholder)\s+(?:(?:a|au|aux|chez|de|du|des|d'|bei|der|die|dem|with|by|at|of|the|la|l')\s*){0,3}`;

// The name follows its cue within the same clause: "I bank with HSBC, not a PDF" ties HSBC only.
const TIE = new RegExp(
  String.raw`(?:(?:${EN}|${EN_MY}|${EN_FROM}|${DE}|${FR})[^.!?\n,;]{0,30}|${LABEL}(?:[^.!?\n,;:]{0,20}\s)?|${MEMBER})$`,
  "i",
);

// Every cue above holds one of these words; most windows hold none, and this test is cheap.
const CUE_WORD =
  /\b(?:i|i'm|we|we're|my|our|born|based|ich|wir|mein\w*|unser\w*|geboren|je|j'|nous|mon|ma|mes|notre|nee?|assur\w*|salari\w*|employ\w*|client\w*|adh\w*|soci\w*|affili\w*|versichert|angestellt|besch\w*|kund\w*|mitglied|insured|customer|member|policyholder)\b|:/i;

/** True when the words before `start` (same sentence, ≤ ~80 characters) tie what starts there to the user. */
export function tiedToUser(text: string, start: number): boolean {
  const window = text.slice(Math.max(0, start - 90), start);
  return CUE_WORD.test(window) && TIE.test(window);
}

// "MAIF n° 1234567", "AOK Versichertennummer …", "contrat MAIF n° …": a customer, member or contract number right
// after the name says the user holds an account there.
const NUMBER_AFTER =
  /^\s*(?:[(,:]\s*)?(?:n[°o]|nr\.?|no\.|num[eé]ro|nummer|#|(?:kunden|mitglieds|versicherten|vertrags|policen)nummer|(?:member(?:ship)?|customer|policy|account|contract)\s+(?:no\.?|number|#))\s*:?\s*[\p{Lu}\d]*\d/iu;

/** True when a customer, member or contract number follows what ends at `end`. */
export function numberedForUser(text: string, end: number): boolean {
  return NUMBER_AFTER.test(text.slice(end, end + 40));
}
