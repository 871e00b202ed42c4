import type { TaggedWord, TagMemo } from "./names/winkTagger";
import type { PrivacyVault } from "./PrivacyVault";

/**
 * Part-of-speech tags of the paragraphs sanitize() last scanned in a vault, kept for the egress
 * gate's re-scan of the same request (issue #13): the gate scans exactly the text sanitize
 * returned, paragraph by paragraph, and wink-nlp's tagging of a paragraph is a third of a scan's
 * CPU. Only the tagging is reused — a pure function of the exact text — so the gate still runs
 * every rule and every step itself and finds what it would find without this (a value the
 * sanitizer missed included); a text sanitize never saw is tagged afresh.
 *
 * sanitize() only writes here (its own passes share a per-call memo), so a conversation that
 * sends the same text again is not sanitized faster for it. Bounded per vault: the oldest
 * paragraphs go first once MAX_CHARS of text are held (a 32 KB sketch with its re-checked
 * versions fits), and a vault no longer referenced takes its tags with it.
 */
const MAX_CHARS = 128 * 1024;

export class RecentTags implements TagMemo {
  private readonly tags = new Map<string, readonly TaggedWord[]>();
  private chars = 0;

  get(text: string): readonly TaggedWord[] | undefined {
    const tags = this.tags.get(text);
    if (tags) this.touch(text, tags);
    return tags;
  }

  set(text: string, tags: readonly TaggedWord[]): void {
    if (text.length > MAX_CHARS) return;
    if (this.tags.has(text)) return this.touch(text, tags);
    this.tags.set(text, tags);
    this.chars += text.length;
    for (const oldest of this.tags.keys()) {
      if (this.chars <= MAX_CHARS) break;
      this.tags.delete(oldest);
      this.chars -= oldest.length;
    }
  }

  /** Moves an entry to the newest end, so what was just used is evicted last. */
  private touch(text: string, tags: readonly TaggedWord[]): void {
    this.tags.delete(text);
    this.tags.set(text, tags);
  }
}

const byVault = new WeakMap<PrivacyVault, RecentTags>();

export function recentTags(vault: PrivacyVault): RecentTags {
  let tags = byVault.get(vault);
  if (!tags) byVault.set(vault, (tags = new RecentTags()));
  return tags;
}
