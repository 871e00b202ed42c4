import type { Span } from "./recognizers/Recognizer";
import type { NamesMemo } from "./recognizers/names";
import type { PrivacyVault } from "./PrivacyVault";

/**
 * Step 4's paragraph results from the sanitize calls of a vault, kept for the egress gate's
 * re-scan of the same request (issue #13): the gate scans exactly the text sanitize returned, and
 * the names step (wink-nlp's tagging and the name rules) is two thirds of a scan's CPU. What is
 * kept is a pure function of the exact paragraph text and language (see NamesMemo) — spans, not a
 * verdict: the gate still normalizes, matches the vault's terms, runs every structured recognizer
 * and resolves all spans itself, so it finds exactly what it would find without this, a value the
 * sanitizer missed included. A paragraph sanitize never saw (changed after sanitizing, another
 * text) goes through the names step afresh.
 *
 * sanitize() only writes here (its passes share a per-call memo), so a conversation that sends
 * the same text again is not sanitized faster for it. Bounded per vault: the least recently used
 * paragraphs go first once MAX_CHARS of text are held (a 32 KB sketch with its re-checked
 * versions fits), and a vault no longer referenced takes its entries with it.
 */
const MAX_CHARS = 128 * 1024;

export class RecentNames implements NamesMemo {
  private readonly spans = new Map<string, readonly Span[]>();
  private chars = 0;

  get(key: string): readonly Span[] | undefined {
    const spans = this.spans.get(key);
    if (spans) this.touch(key, spans);
    return spans;
  }

  set(key: string, spans: readonly Span[]): void {
    if (key.length > MAX_CHARS) return;
    if (this.spans.has(key)) return this.touch(key, spans);
    this.spans.set(key, spans);
    this.chars += key.length;
    for (const oldest of this.spans.keys()) {
      if (this.chars <= MAX_CHARS) break;
      this.spans.delete(oldest);
      this.chars -= oldest.length;
    }
  }

  /** Moves an entry to the newest end, so what was just used is evicted last. */
  private touch(key: string, spans: readonly Span[]): void {
    this.spans.delete(key);
    this.spans.set(key, spans);
  }
}

const byVault = new WeakMap<PrivacyVault, RecentNames>();

export function recentNames(vault: PrivacyVault): RecentNames {
  let recent = byVault.get(vault);
  if (!recent) byVault.set(vault, (recent = new RecentNames()));
  return recent;
}
