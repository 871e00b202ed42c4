import { getCountries } from "libphonenumber-js";
import { groupSpans, type Recognizer, type Span } from "./Recognizer";

/**
 * Customer, policy, case, account, contract, invoice, reference, member, ticket, claim and order
 * numbers in any shape after a cue word (en/de/fr, folded text): an account or order number
 * after its name IS the user's, whatever its format ("AB-123456", "12 O 345/21", "2024-117").
 *
 * The cue is grammar, not a list of ids: English "<what> number/no./#/id", German compounds
 * ending in -nummer/-nr. ("Kundennummer", "Vertrags-Nr.", "Aktenzeichen"), French
 * "numéro/n° (de) <what>", and a bare "Nr." / "n°" / "No." before a number.
 */
const WHAT_EN = String.raw`(?:policy|account|acct|customer|client|member(?:ship)?|patient|insurance|insured|case|claim|contract|invoice|bill|order|booking|reservation|confirmation|transaction|ticket|reference|ref|application|file|loan|mortgage|subscriber|subscription|registration|certificate|permit|licen[cs]e|driver'?s\s+licen[cs]e|tax|student|employee|personnel|staff|payroll|social\s+security|national\s+insurance|identity|id|vat|serial|meter|tracking|parcel|shipment|voucher|mandate|sort|routing|bank|aba)`;
const NUMBER_WORD_EN = String.raw`(?:number|numbers|no\.?|nr\.?|num\.?|#|id|code|ref\.?)`;
// German compounds: "Kundennummer", "Kunden-Nr.", "Vertragsnr.", "Aktenzeichen", "Geschäftszeichen".
// Only the cue's end matters, so the compound's head is not matched (a leading \p{L}* costs 4× the scan).
const GERMAN = String.raw`(?<=[A-Za-z-])(?:nummer|nr\.?)|(?:akten|geschafts|kenn)zeichen|az\.|kennung|referenz|steuer-?id|bankleitzahl|blz`;
const WHAT_FR = String.raw`(?:client|contrat|dossier|police|adherent|membre|facture|commande|reservation|sinistre|compte|reference|ticket|abonne|abonnement|allocataire|assure|beneficiaire|securite\s+sociale|fiscal|passeport|permis|immatriculation|suivi|colis|demande|affaire|recu|quittance)`;
const FRENCH = String.raw`(?:numero|n°|nº|no\.?|num\.?|ref\.?|reference)\s*(?:de\s+|d'|du\s+)?${WHAT_FR}|${WHAT_FR}\s*(?:n°|nº|no\.?|numero)|ref\.|reference`;
// "my account is 12345678", "Account: 12345678": the thing itself, then "is" or a colon — only for
// things that are identifiers themselves ("the file is 200 MB" and "tax: 2023" are not).
const WHAT_IS_ID = String.raw`(?:account|acct|customer|client|member(?:ship)?|patient|policy|contract|invoice|order|booking|reservation|ticket|claim|case|reference|id|serial|student|employee)`;
const ENGLISH = String.raw`${WHAT_EN}[\s-]*${NUMBER_WORD_EN}|${WHAT_IS_ID}(?=\s*:|\s+is\s)|ref\.?|reference|ssn|nin`;
// The cue and what joins it to the value: "… is", "… ist", "… est (le)", ":", "#", "=".
const JOIN = String.raw`\s*(?:(?:is|ist|est|lautet|was|war|:|#|=|n°|nº|no\.?|nr\.?|le|la)\s*)*`;
// ASCII classes and no u flag: the text is folded (cue words have no diacritics left), and
// case-insensitive Unicode matching costs twice the scan.
const CUE = new RegExp(String.raw`(?:(?<![A-Za-z])(?:${ENGLISH}|${FRENCH}|Nr\.|n°|nº|No\.)|${GERMAN})${JOIN}`, "gi");
// The value, case-sensitive (the cue is not): tokens of capitals and digits joined by - / . or
// one space; a token after a space must hold a digit, or be 1–3 capitals between digit tokens.
const TOKEN = String.raw`[A-Z0-9]*\d[A-Z0-9]*`;
const VALUE = new RegExp(
  String.raw`(?:[A-Z]{1,6}[-/ ]?)?${TOKEN}(?:(?:[-/.]|\s(?=[A-Z]{0,3}\d)|\s[A-Z]{1,3}\s(?=\d))[A-Z0-9]+)*`,
  "y",
);

// The thing's name right before a long number, with no "number" between: "ticket 884213",
// "Rechnung 2024117", "dossier 7781204". Five digits at least: "case 2", "order 12 items" are not ids.
const BARE_CUE =
  /(?<![A-Za-z])(?:account|acct|customer|member(?:ship)?|patient|policy|contract|invoice|order|booking|reservation|ticket|claim|case|reference|ref|serial|dossier|contrat|police|facture|commande|sinistre|Vertrag|Rechnung|Bestellung|Konto|Kunde|Police|Schaden(?:sfall)?)\s+(?=[A-Z0-9-]*\d{5})/dgi;

// A BIC (ISO 9362) after its name: bank (4 letters), country (ISO 3166, from libphonenumber-js's
// list), location (2), optional branch (3). It may have no digit at all ("DEUTDEFF").
const BIC =
  /(?<![A-Za-z])(?:BIC|bic|SWIFT|Swift|swift)(?:[\s-]?(?:code|Code))?\s*[:=]?\s*([A-Z]{4}([A-Z]{2})[A-Z0-9]{2}(?:[A-Z0-9]{3})?)(?![A-Za-z0-9])/dg;
let countries: Set<string> | undefined;

function hasEnoughDigits(value: string): boolean {
  const digits = value.replace(/\D/g, "").length;
  const alnum = value.replace(/[^A-Za-z0-9]/g, "").length;
  return digits >= 3 || (digits >= 1 && alnum >= 6);
}

export const keywordId: Recognizer = (text) => {
  if (!/\d/.test(text)) return [];
  const spans: Span[] = [];
  for (const cue of [...text.matchAll(CUE), ...text.matchAll(BARE_CUE)]) {
    const start = (cue.index ?? 0) + cue[0].length;
    VALUE.lastIndex = start;
    const value = VALUE.exec(text)?.[0].replace(/[.\-/]+$/, "");
    if (value && hasEnoughDigits(value)) spans.push({ start, end: start + value.length, type: "ID" });
  }
  if (/bic|swift/i.test(text)) {
    countries ??= new Set(getCountries());
    const known = countries;
    spans.push(...groupSpans(text, BIC, "ID", 1, (_, m) => known.has(m[2] ?? "")));
  }
  return spans;
};
