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
  "diabetiker(?:in)?", "psychotherapie",
  // fr
  "diabete", "depression nerveuse", "trouble bipolaire", "schizophrenie", "epilepsie", "sclerose en plaques",
  "maladie de parkinson", "maladie d'alzheimer", "asthme", "enceinte", "grossesse", "fausse couche",
  "anorexie", "boulimie", "alcoolisme", "hypertension arterielle", "crise cardiaque", "avc", "chimiotherapie",
];
const MEDICAL = new RegExp(`(?<![\\p{L}])(?:${[...TERMS].sort((a, b) => b.length - a.length).join("|")})(?![\\p{L}])`, "giu");

export const medical: Recognizer = (text) => matchAll(text, MEDICAL, "MEDICAL");
