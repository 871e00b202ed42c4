import { CLOSING_BRACKETS, OPENING_BRACKETS, restore, TYPE_WORDS, type PrivacyVault } from "../../privacy";

/**
 * An unclosed bracket older than this is ordinary text ("(see above"), not a placeholder being
 * written: the longest placeholder form restore() accepts ("[ DATE OF BIRTH _ 12 ]") is shorter.
 */
const MAX_HOLD_CHARS = 48;
const OPENERS = new Set(OPENING_BRACKETS);
const CLOSERS = new Set(CLOSING_BRACKETS);
const TRAILING_RUN = /[\p{L}\p{N}_\\-]*$/u;
// The lookbehind mirrors restore()'s: a type word glued to a digit is no placeholder there either.
const TRAILING_WORD = /(?<![\p{L}\p{N}])(\p{L}+)[ _\\-]+$/u;

/**
 * Where the text stops being safe to show: a placeholder may still be arriving after this
 * index ("[PERS", "PERSON_1" that may become "PERSON_12", "PERSON " before its number).
 * Holding back more than needed only delays a few characters; holding back less would show
 * half a placeholder, so the rules err on the side of holding.
 */
export function safeEnd(text: string): number {
  const bracket = unclosedBracket(text);
  if (bracket !== -1) return bracket;
  let end = text.length - (TRAILING_RUN.exec(text)?.[0].length ?? 0);
  for (let words = 0; words < 3; words++) {
    const m = TRAILING_WORD.exec(text.slice(0, end));
    if (!m || !TYPE_WORDS.has(m[1]!.toUpperCase())) break;
    end = m.index;
  }
  return end;
}

function unclosedBracket(text: string): number {
  const from = Math.max(0, text.length - MAX_HOLD_CHARS);
  for (let i = text.length - 1; i >= from; i--) {
    if (CLOSERS.has(text[i]!)) return -1;
    if (OPENERS.has(text[i]!)) return i;
  }
  return -1;
}

/**
 * Restores a streamed cloud answer piece by piece for display: each released segment ends at a
 * safe boundary, so its restored text is final and a placeholder is never shown half-written.
 * The concatenation of everything emitted equals `restore(fullText).text` once `finish()` ran.
 */
export class StreamRestorer {
  /** Received but not shown yet: only this tail can hold a placeholder in the making. */
  private pending = "";
  private shownText = "";

  /**
   * `vault`: the conversation's vault, or a function giving the one the request was sent with
   * (Hybrid loads it again if another process saved it before sending).
   */
  constructor(
    private readonly vault: PrivacyVault | (() => PrivacyVault),
    private readonly emit: (text: string) => void,
  ) {}

  push(piece: string): void {
    this.pending += piece;
    this.release(safeEnd(this.pending));
  }

  /** The stream is complete: whatever was held back is final now. */
  finish(): void {
    this.release(this.pending.length);
  }

  /** What was emitted so far (restored); on Stop, the held-back tail is dropped, never shown. */
  get shown(): string {
    return this.shownText;
  }

  private release(end: number): void {
    if (end <= 0) return;
    const raw = this.pending.slice(0, end);
    this.pending = this.pending.slice(end);
    // Every placeholder form restore() knows has a number: most pieces have none to look at.
    const vault = typeof this.vault === "function" ? this.vault() : this.vault;
    const segment = /\d/.test(raw) ? restore(raw, vault).text : raw;
    if (!segment) return;
    this.shownText += segment;
    this.emit(segment);
  }
}
