import type { PrivateType } from "../types";
import type { Recognizer, Span } from "./Recognizer";

/**
 * Placeholders left by other anonymizers (WildChat's Presidio pass writes
 * "<PRESIDIO_ANONYMIZED_PERSON>"). They stand for a private value, so they are treated as one
 * and get one of our placeholders — a cloud model then sees one consistent scheme.
 */
const FOREIGN = /<\s*PRESIDIO_ANONYMIZED_([A-Z_]+)\s*>/gi;
const TYPES: Record<string, PrivateType> = {
  PERSON: "PERSON",
  EMAIL_ADDRESS: "EMAIL",
  PHONE_NUMBER: "PHONE",
  URL: "URL",
  LOCATION: "LOCATION",
  IBAN_CODE: "IBAN",
  CREDIT_CARD: "CARD",
  IP_ADDRESS: "IP",
  US_SSN: "ID",
  NRP: "OTHER",
  ORGANIZATION: "ORG",
};

export const foreignPlaceholder: Recognizer = (text) => {
  if (!/presidio/i.test(text)) return [];
  const spans: Span[] = [];
  for (const m of text.matchAll(FOREIGN)) {
    const start = m.index ?? 0;
    spans.push({ start, end: start + m[0].length, type: TYPES[(m[1] ?? "").toUpperCase()] ?? "OTHER" });
  }
  return spans;
};
