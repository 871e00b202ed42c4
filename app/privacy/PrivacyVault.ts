import { formatPlaceholder, placeholderNumber } from "./placeholder";
import { termKey } from "./termKey";
import type { PrivateTerm, PrivateType, VaultEntry, VaultOrigin } from "./types";

/** Titles dropped from name variants: "Mr. Gary Thompson" also answers to "Gary Thompson". */
const TITLES = /^(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame|herr|frau|m|mme|mlle|monsieur|madame|docteur)\.?$/i;

/** "von", "van", "de la": parts of a name, never a name on their own. */
const PARTICLES = /^(?:van|von|vom|zu|der|den|del|della|des|dos|das|ibn|bin|mac|les)$/i;

/** Name parts shorter than this are too ambiguous to replace on their own ("Al", "Jo"). */
const MIN_PART_LENGTH = 3;

/**
 * Registered terms that have not been sent yet are stored under a key of this form, never a
 * placeholder: a number is given only when the term is first used in sanitized output (issue
 * #11, item 6), so "[PERSON_4]" as the first name sent cannot tell the cloud that three more
 * people are known. The key cannot match a placeholder pattern, so restore never resolves it.
 */
const UNSENT_PREFIX = "unsent:";

/** Whether a vault entry's placeholder is a real one (it has been used in sanitized output). */
export function isNumbered(placeholder: string): boolean {
  return !placeholder.startsWith(UNSENT_PREFIX);
}

/**
 * One conversation's pseudonyms: one placeholder per private entity, stable for the whole
 * conversation. Every value ever found is kept, so later messages are checked against it
 * (step 1 of detect). Persist it with VaultStore; it lives on the device only.
 */
export class PrivacyVault {
  private readonly byPlaceholder = new Map<string, VaultEntry>();
  private readonly byKey = new Map<string, VaultEntry>();
  private readonly counters = new Map<PrivateType, number>();
  /** Unsent keys that got their number since the last `takeRenames()` (old key → placeholder). */
  private readonly renamed = new Map<string, string>();
  private unsent = 0;
  private changes = 0;
  private numbered = 0;

  constructor(
    readonly conversationId: string,
    entries: readonly VaultEntry[] = [],
  ) {
    for (const entry of entries) this.add({ ...entry, variants: [...entry.variants] });
  }

  /**
   * Increases whenever an entity is added — what detect() depends on (it caches its term matcher
   * on it). Giving an unsent entry its number does not change what is detected.
   */
  get revision(): number {
    return this.changes;
  }

  /** Increases on every change a store must write: entities added and numbers given. */
  get version(): number {
    return this.changes + this.numbered;
  }

  /** Entities registered or found, numbered or not. */
  get size(): number {
    return this.byPlaceholder.size;
  }

  /**
   * Registers private terms (profile, "always private" list, context-derived items). They get
   * no placeholder number until first used (`placeholderFor`). Returns how many new entities
   * were created; known values are left as they are, except that a capital-only one registered
   * again for any case then matches in any case.
   */
  registerTerms(terms: readonly PrivateTerm[], origin: VaultOrigin = "context"): number {
    let created = 0;
    for (const term of terms) {
      const clean = cleanValue(term.text);
      const known = clean ? this.find(clean) : undefined;
      // A term registered for any case widens a capital-only one: the broader match is the safer.
      if (known?.capitalOnly && !term.capitalOnly) {
        delete known.capitalOnly;
        this.changes++;
      }
      if (!clean || known) continue;
      const type = term.type ?? "OTHER";
      this.add({
        placeholder: `${UNSENT_PREFIX}${++this.unsent}`,
        type,
        value: clean,
        variants: variantsOf(clean, type),
        origin,
        ...(term.capitalOnly ? { capitalOnly: true } : {}),
      });
      created++;
    }
    return created;
  }

  /**
   * The placeholder for a value that is about to be used in sanitized output: the existing one
   * for a known value or variant (numbered now if it had none), else a new one. Numbers count
   * per type in the order values are first used.
   */
  placeholderFor(value: string, type: PrivateType, origin: VaultOrigin = "detected"): string {
    const clean = cleanValue(value);
    const known = this.find(clean);
    if (known) return isNumbered(known.placeholder) ? known.placeholder : this.number(known);
    const entry: VaultEntry = {
      placeholder: this.nextPlaceholder(type),
      type,
      value: clean,
      variants: variantsOf(clean, type),
      origin,
    };
    this.add(entry);
    return entry.placeholder;
  }

  /** Unsent keys numbered since the last call, so a store can rename their rows; then forgets them. */
  takeRenames(): Array<{ from: string; to: string }> {
    const renames = [...this.renamed].map(([from, to]) => ({ from, to }));
    this.renamed.clear();
    return renames;
  }

  /** The entry whose value or a variant equals `text` (case, possessive, homoglyphs ignored). */
  find(text: string): VaultEntry | undefined {
    const key = termKey(text);
    return key ? this.byKey.get(key) : undefined;
  }

  /** The entry behind a canonical placeholder such as "[PERSON_1]". */
  get(placeholder: string): VaultEntry | undefined {
    return isNumbered(placeholder) ? this.byPlaceholder.get(placeholder) : undefined;
  }

  entries(): VaultEntry[] {
    return [...this.byPlaceholder.values()].map((e) => ({ ...e, variants: [...e.variants] }));
  }

  private nextPlaceholder(type: PrivateType): string {
    const next = (this.counters.get(type) ?? 0) + 1;
    this.counters.set(type, next);
    return formatPlaceholder(type, next);
  }

  /** Gives an unsent entry its number (the same object stays in byKey, so variants follow). */
  private number(entry: VaultEntry): string {
    const from = entry.placeholder;
    this.byPlaceholder.delete(from);
    entry.placeholder = this.nextPlaceholder(entry.type);
    this.byPlaceholder.set(entry.placeholder, entry);
    this.renamed.set(from, entry.placeholder);
    this.numbered++;
    return entry.placeholder;
  }

  private add(entry: VaultEntry): void {
    if (this.byPlaceholder.has(entry.placeholder)) return;
    this.byPlaceholder.set(entry.placeholder, entry);
    if (isNumbered(entry.placeholder)) {
      const n = placeholderNumber(entry.placeholder);
      this.counters.set(entry.type, Math.max(this.counters.get(entry.type) ?? 0, n));
    } else {
      this.unsent = Math.max(this.unsent, Number(entry.placeholder.slice(UNSENT_PREFIX.length)) || 0);
    }
    // The first entity to claim a key keeps it: "Weber" stays with the first Weber.
    for (const text of [entry.value, ...entry.variants]) {
      const key = termKey(text);
      if (key && !this.byKey.has(key)) this.byKey.set(key, entry);
    }
    this.changes++;
  }
}

/** Invisible characters (zero-width, soft hyphen) are dropped: the restored value should be clean. */
function cleanValue(value: string): string {
  return value.replace(/[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/gu, "").trim();
}

const LEGAL_SUFFIX =
  /[\s,]+(?:gmbh|ag|ltd\.?|limited|inc\.?|llc|plc|sarl|sas|sa|corp\.?|co\.?|kg|se|& co\.?(?: kg)?)$/i;

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
