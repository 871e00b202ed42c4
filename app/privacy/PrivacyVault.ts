import { termKey } from "./termKey";
import type { PrivateTerm, PrivateType, VaultEntry, VaultOrigin } from "./types";

/** Titles dropped from name variants: "Mr. Gary Thompson" also answers to "Gary Thompson". */
const TITLES = /^(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame|herr|frau|m|mme|mlle|monsieur|madame|docteur)\.?$/i;

/** "von", "van", "de la": parts of a name, never a name on their own. */
const PARTICLES = /^(?:van|von|vom|zu|der|den|del|della|des|dos|das|ibn|bin|mac|les)$/i;

/** Name parts shorter than this are too ambiguous to replace on their own ("Al", "Jo"). */
const MIN_PART_LENGTH = 3;

/**
 * One conversation's pseudonyms: one placeholder per private entity, stable for the whole
 * conversation. Every value ever found is kept, so later messages are checked against it
 * (step 1 of detect). Persist it with VaultStore; it lives on the device only.
 */
export class PrivacyVault {
  private readonly byPlaceholder = new Map<string, VaultEntry>();
  private readonly byKey = new Map<string, VaultEntry>();
  private readonly counters = new Map<PrivateType, number>();
  private changes = 0;

  constructor(
    readonly conversationId: string,
    entries: readonly VaultEntry[] = [],
  ) {
    for (const entry of entries) this.add({ ...entry, variants: [...entry.variants] });
  }

  /** Increases on every change; detect() caches its term matcher on it. */
  get revision(): number {
    return this.changes;
  }

  get size(): number {
    return this.byPlaceholder.size;
  }

  /**
   * Registers private terms (profile, "always private" list, context-derived items).
   * Returns how many new entities were created; known values keep their placeholder.
   */
  registerTerms(terms: readonly PrivateTerm[], origin: VaultOrigin = "context"): number {
    let created = 0;
    for (const term of terms) {
      const before = this.size;
      this.placeholderFor(term.text, term.type ?? "OTHER", origin);
      if (this.size > before) created++;
    }
    return created;
  }

  /** The placeholder for a value: the existing one for a known value or variant, else a new one. */
  placeholderFor(value: string, type: PrivateType, origin: VaultOrigin = "detected"): string {
    // Invisible characters (zero-width, soft hyphen) are dropped: the restored value should be clean.
    const clean = value.replace(/[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/gu, "").trim();
    const known = this.find(clean);
    if (known) return known.placeholder;
    const next = (this.counters.get(type) ?? 0) + 1;
    const entry: VaultEntry = { placeholder: `[${type}_${next}]`, type, value: clean, variants: variantsOf(clean, type), origin };
    this.add(entry);
    return entry.placeholder;
  }

  /** The entry whose value or a variant equals `text` (case, possessive, homoglyphs ignored). */
  find(text: string): VaultEntry | undefined {
    const key = termKey(text);
    return key ? this.byKey.get(key) : undefined;
  }

  /** The entry behind a canonical placeholder such as "[PERSON_1]". */
  get(placeholder: string): VaultEntry | undefined {
    return this.byPlaceholder.get(placeholder);
  }

  entries(): VaultEntry[] {
    return [...this.byPlaceholder.values()].map((e) => ({ ...e, variants: [...e.variants] }));
  }

  private add(entry: VaultEntry): void {
    if (this.byPlaceholder.has(entry.placeholder)) return;
    this.byPlaceholder.set(entry.placeholder, entry);
    const n = Number(/_(\d+)\]$/.exec(entry.placeholder)?.[1] ?? 0);
    this.counters.set(entry.type, Math.max(this.counters.get(entry.type) ?? 0, n));
    // The first entity to claim a key keeps it: "Weber" stays with the first Weber.
    for (const text of [entry.value, ...entry.variants]) {
      const key = termKey(text);
      if (key && !this.byKey.has(key)) this.byKey.set(key, entry);
    }
    this.changes++;
  }
}

const LEGAL_SUFFIX = /[\s,]+(?:gmbh|ag|ltd\.?|limited|inc\.?|llc|plc|sarl|sas|sa|corp\.?|co\.?|kg|se|& co\.?(?: kg)?)$/i;

/** Other spellings of a value that denote the same entity. */
export function variantsOf(value: string, type: PrivateType): string[] {
  if (type === "ORG") return shortOrgName(value);
  if (type === "ADDRESS") return streetPart(value);
  if (type !== "PERSON") return [];
  const parts = value.split(/\s+/).filter((p) => !TITLES.test(p));
  const variants = new Set<string>();
  if (parts.length > 0 && parts.length < value.split(/\s+/).length) variants.add(parts.join(" "));
  if (parts.length > 1) {
    for (const part of parts) {
      const bare = part.replace(/[.,]$/, "");
      // Ordinary-word parts ("Will", "Rose") are kept; the term matcher matches them only capitalized.
      if (bare.length >= MIN_PART_LENGTH && !PARTICLES.test(bare)) variants.add(bare);
    }
  }
  variants.delete(value);
  return [...variants];
}

/** "Brandt & Vogel GmbH" is also mentioned as "Brandt & Vogel". */
function shortOrgName(value: string): string[] {
  const short = value.replace(LEGAL_SUFFIX, "").trim();
  return short !== value && short.length >= MIN_PART_LENGTH ? [short] : [];
}

/** "Hauptstraße 5, 10115 Berlin" is also mentioned as "Hauptstraße 5". */
function streetPart(value: string): string[] {
  const street = value.split(/[,\n]/)[0]?.trim() ?? "";
  return street !== value && /\d/.test(street) && /\p{L}{3}/u.test(street) ? [street] : [];
}
