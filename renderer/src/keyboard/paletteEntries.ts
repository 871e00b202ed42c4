import type { ConversationSummary } from "../../../app/contract/types";
import { openConversation } from "./commands";
import { rankMatches } from "./fuzzyMatch";
import { keyLabels } from "./shortcutHint";
import { SHORTCUTS } from "./shortcuts";

export interface PaletteEntry {
  /** Unique among the entries; also the option's DOM id suffix. */
  key: string;
  label: string;
  /** Shown dimmed after the label ("Conversation"). */
  detail?: string;
  /** The action's keys in this host, to learn them on the way. */
  keys: string[];
  /** What fuzzy filtering reads. */
  searchText: string;
  run(): void | Promise<void>;
}

/** Conversations listed before anything is typed; typing searches them all. */
const RECENT = 8;
const MAX_RESULTS = 50;

/** The palette's list: the table's runnable actions, then "open conversation" by title. */
export function paletteEntries(query: string, conversations: readonly ConversationSummary[]): PaletteEntry[] {
  const actions = SHORTCUTS.filter((a) => a.run && a.id !== "command-palette" && (!a.available || a.available())).map(
    (a): PaletteEntry => ({ key: a.id, label: a.label, keys: keyLabels(a.id), searchText: a.label, run: a.run! }),
  );
  const listed = query.trim() === "" ? conversations.slice(0, RECENT) : conversations;
  const opens = listed.map((c): PaletteEntry => {
    const title = c.title || "New conversation";
    return {
      key: `conversation-${c.id}`,
      label: title,
      detail: "Open conversation",
      keys: [],
      searchText: `${title} · open conversation`,
      run: () => openConversation(c.id),
    };
  });
  return rankMatches(query, [...actions, ...opens], (e) => e.searchText).slice(0, MAX_RESULTS);
}
