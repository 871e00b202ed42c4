import { readFileSync } from "node:fs";
import { normalizeForMatch } from "./matchText";
import { csvRecords } from "./parseCsv";

/**
 * PUPA rows (see ../shared/data/pupa/SOURCE.md). The texts are real user prompts: callers may
 * report row numbers, unit kinds and lengths, never the query or unit text.
 */
export interface PupaRow {
  /** 0-based data row index in the file (the repo's split index). */
  row: number;
  category: string;
  query: string;
  units: PupaUnit[];
}

export interface PupaUnit {
  text: string;
  /** A content-free shape class, safe to print (PUPA units carry no types). */
  kind: PupaUnitKind;
}

export type PupaUnitKind =
  "presidio_placeholder" | "email" | "url" | "number" | "non_latin" | "one_word" | "multi_word";

export function loadPupa(path: string, limit?: number): PupaRow[] {
  const records = csvRecords(readFileSync(path, "utf8"));
  const rows = records.map((r, row) => ({
    row,
    category: r.predicted_category ?? "",
    query: r.user_query ?? "",
    units: splitUnits(r.pii_units ?? ""),
  }));
  return limit === undefined ? rows : rows.slice(0, limit);
}

/** `||`-joined units; empty units (stray `||`) dropped, duplicates within a row counted once. */
export function splitUnits(joined: string): PupaUnit[] {
  const seen = new Set<string>();
  const units: PupaUnit[] = [];
  for (const raw of joined.split("||")) {
    const text = raw.trim();
    const key = normalizeForMatch(text);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    units.push({ text, kind: unitKind(text) });
  }
  return units;
}

/** Classifies a unit by its shape only, so reports can group leaks without showing them. */
export function unitKind(text: string): PupaUnitKind {
  if (/^<?presidio_anonymized_[a-z_]+>?$/i.test(text)) return "presidio_placeholder";
  if (/\S@\S+\.\S/.test(text)) return "email";
  if (/^(?:https?:\/\/|www\.)|\.(?:com|org|net|io)(?:\/|$)/i.test(text)) return "url";
  const digits = (text.match(/\p{N}/gu) ?? []).length;
  if (digits > 0 && digits >= text.replace(/[\s\-+().]/g, "").length / 2) return "number";
  if (!/[a-z]/i.test(text)) return "non_latin";
  return /\s/.test(text.trim()) ? "multi_word" : "one_word";
}
