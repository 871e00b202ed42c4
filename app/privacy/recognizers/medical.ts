import { matchAll, type Recognizer } from "./Recognizer";

/**
 * Health conditions and common medications (en/de/fr, folded spelling): special-category data
 * under GDPR art. 9. A small lexicon, not a diagnosis engine — the local-model pass (step 5)
 * catches what it misses.
 */
const TERMS = [
  // en
  "diabetes", "type 1 diabetes", "type 2 diabetes", "depression", "major depressive disorder", "anxiety disorder",
  "panic attacks", "bipolar disorder", "schizophrenia", "ptsd", "adhd", "autism", "asperger'?s", "epilepsy",
  "hiv", "aids", "hepatitis [abc]", "cancer", "breast cancer", "leukemia", "leukaemia", "lymphoma", "tumou?r",
  "multiple sclerosis", "parkinson'?s(?: disease)?", "alzheimer'?s(?: disease)?", "dementia", "asthma", "copd",
  "crohn'?s disease", "celiac disease", "coeliac disease", "endometriosis", "pcos", "infertility", "miscarriage",
  "pregnant", "pregnancy", "anorexia", "bulimia", "eating disorder", "alcoholism", "addiction", "burnout",
  "long covid", "hypertension", "high blood pressure", "heart attack", "stroke", "chemotherapy", "dialysis",
  "insulin", "metformin", "sertraline", "fluoxetine", "citalopram", "prozac", "zoloft", "xanax", "lithium",
  "methadone", "antidepressants?", "ozempic", "herpes", "chlamydia", "gonorrh?oea", "syphilis",
  // de
  "depressionen", "angststorung", "panikattacken", "bipolare storung", "schizophrenie", "epilepsie", "krebs",
  "brustkrebs", "multiple sklerose", "demenz", "schwanger", "schwangerschaft", "fehlgeburt", "magersucht",
  "essstorung", "alkoholsucht", "sucht", "bluthochdruck", "herzinfarkt", "schlaganfall", "chemotherapie",
  "diabetiker(?:in)?", "psychotherapie", "adhs", "wurzelbehandlung", "neurodermitis", "migrane",
  "medikinet", "ritalin", "ibuprofen", "antidepressiva", "zuckerkrank", "krebserkrankung", "bandscheibenvorfall",
  // fr
  "diabete", "depression nerveuse", "trouble bipolaire", "schizophrenie", "epilepsie", "sclerose en plaques",
  "maladie de parkinson", "maladie d'alzheimer", "asthme", "enceinte", "grossesse", "fausse couche",
  "anorexie", "boulimie", "alcoolisme", "hypertension arterielle", "crise cardiaque", "avc", "chimiotherapie",
  "asthmatique", "diabetique", "epileptique", "tdah", "depressif", "depressive", "traitement de canal", "devitalisation",
  "allergy", "allergies", "allergic", "allergie", "allergien", "allergique", "intolerance", "unvertraglichkeit",
  "root canal(?: treatment)?", "adhd medication", "insulin pump", "hearing aid", "wheelchair",
];
const MEDICAL = new RegExp(`(?<![\\p{L}])(?:${[...TERMS].sort((a, b) => b.length - a.length).join("|")})(?![\\p{L}])`, "giu");
// "Morbus Crohn" needs its capital: with the i flag \p{Lu} would match any letter.
// "peanut allergy", "Erdnuss-Allergie": the word before names what the allergy is to.
const ALLERGY = /(?<![\p{L}])\p{L}+[ -](?:allergy|allergies|allergie|allergien|intolerance|unvertraglichkeit)(?![\p{L}])/giu;
const MORBUS = /(?<![\p{L}])Morbus \p{Lu}\p{L}+/gu;

export const medical: Recognizer = (text) => {
  const spans = matchAll(text, MEDICAL, "MEDICAL");
  if (/allerg|intoleran|unvertr/i.test(text)) spans.push(...matchAll(text, ALLERGY, "MEDICAL"));
  if (text.includes("Morbus")) spans.push(...matchAll(text, MORBUS, "MEDICAL"));
  return spans;
};
