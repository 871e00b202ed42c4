import type { DetectionSource, PrivateType } from "./types";

export interface Candidate {
  start: number;
  end: number;
  type: PrivateType;
  source: DetectionSource;
}

const SOURCE_RANK: Record<DetectionSource, number> = { declared: 0, context: 1, pattern: 2, model: 3, nlp: 4 };
const TYPE_RANK: PrivateType[] = [
  "SECRET",
  "EMAIL",
  "URL",
  "IBAN",
  "CARD",
  "ID",
  "PHONE",
  "IP",
  "DATE_OF_BIRTH",
  "ADDRESS",
  "AGE",
  "MONEY",
  "MEDICAL",
  "HANDLE",
  "PERSON",
  "ORG",
  "LOCATION",
  "OTHER",
];

/** Which of two overlapping candidates names the merged span: longest, then source, then type. */
function better(a: Candidate, b: Candidate): Candidate {
  const la = a.end - a.start;
  const lb = b.end - b.start;
  if (la !== lb) return la > lb ? a : b;
  if (SOURCE_RANK[a.source] !== SOURCE_RANK[b.source]) return SOURCE_RANK[a.source] < SOURCE_RANK[b.source] ? a : b;
  return TYPE_RANK.indexOf(a.type) <= TYPE_RANK.indexOf(b.type) ? a : b;
}

/**
 * Overlapping candidates become one span covering all of them (fail safe: nothing of either
 * survives), typed after the longest/most specific one ("weber" inside "anna.weber@gmx.de" is
 * part of the e-mail; "Baker Street" inside "12 Baker Street, London" is part of the address).
 */
export function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const sorted = candidates.filter((c) => c.end > c.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Array<Candidate & { best: Candidate }> = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && c.start < last.end) {
      last.best = better(last.best, c);
      last.end = Math.max(last.end, c.end);
    } else out.push({ start: c.start, end: c.end, type: c.type, source: c.source, best: c });
  }
  return out.map((c) => ({ start: c.start, end: c.end, type: c.best.type, source: c.best.source }));
}
