/**
 * The lexicon medical.ts started with (issue #3), kept as a stopgap for what the dictionary-driven
 * grammar cannot know yet (issue #11, docs/PRIVACY.md "Structured items"):
 * - German and French terms: no maintained npm package ships de/fr medical vocabulary (searched:
 *   only @cspell/dict-medicalterms, English; ICD-10 de/fr titles are not on npm);
 * - English conditions that are ordinary English words ("diabetes", "pregnant", "cancer") and so
 *   cannot be told from "blood" or "test" by a dictionary alone when no cue precedes them.
 * Not extended from dev-set failures. Shrunk (issue #11, branch types): entries that the
 * dictionary's shapes or the de/fr cognate reading (medicalCognates.ts) now find in any case
 * were removed (15 of 141); what is left are ordinary-word conditions, brands and phrases.
 */
export const LEGACY_MEDICAL_TERMS: readonly string[] = [
  // en
  "diabetes", "type 1 diabetes", "type 2 diabetes", "depression", "major depressive disorder", "anxiety disorder",
  "panic attacks", "bipolar disorder", "schizophrenia", "ptsd", "adhd", "autism", "asperger'?s", "epilepsy",
  "hiv", "aids", "hepatitis [abc]", "cancer", "breast cancer", "leukaemia", "lymphoma", "tumou?r",
  "multiple sclerosis", "parkinson'?s(?: disease)?", "alzheimer'?s(?: disease)?", "dementia", "asthma", "copd",
  "crohn'?s disease", "celiac disease", "coeliac disease", "pcos", "infertility", "miscarriage",
  "pregnant", "pregnancy", "anorexia", "bulimia", "eating disorder", "alcoholism", "addiction", "burnout",
  "long covid", "hypertension", "high blood pressure", "heart attack", "stroke", "dialysis",
  "insulin", "citalopram", "prozac", "zoloft", "xanax", "lithium",
  "methadone", "antidepressants?", "ozempic", "herpes", "chlamydia", "gonorrh?oea", "syphilis",
  // de
  "depressionen", "angststorung", "panikattacken", "bipolare storung", "krebs",
  "brustkrebs", "multiple sklerose", "demenz", "schwanger", "schwangerschaft", "fehlgeburt", "magersucht",
  "essstorung", "alkoholsucht", "sucht", "bluthochdruck", "herzinfarkt", "schlaganfall",
  "diabetiker(?:in)?", "adhs", "wurzelbehandlung", "neurodermitis", "migrane",
  "medikinet", "ritalin", "antidepressiva", "zuckerkrank", "krebserkrankung", "bandscheibenvorfall",
  // fr
  "diabete", "depression nerveuse", "trouble bipolaire", "sclerose en plaques",
  "maladie de parkinson", "maladie d'alzheimer", "asthme", "enceinte", "grossesse", "fausse couche",
  "alcoolisme", "hypertension arterielle", "crise cardiaque", "avc", "chimiotherapie",
  "asthmatique", "diabetique", "epileptique", "tdah", "depressif", "depressive", "traitement de canal", "devitalisation",
  "allergy", "allergies", "allergic", "allergie", "allergien", "allergique", "intolerance", "unvertraglichkeit",
  "root canal(?: treatment)?", "adhd medication", "insulin pump", "hearing aid", "wheelchair",
];
