import { create } from "zustand";
import type { ErrorData } from "../../../app/contract/errors";
import type { SearchHit } from "../../../app/contract/types";
import { api } from "../api/connectBackend";

/** Wait after the last keystroke before searching, so typing a word is one query, not five. */
const DEBOUNCE_MS = 200;

interface SearchState {
  query: string;
  hits: SearchHit[];
  searching: boolean;
  error: ErrorData | null;
  setQuery(query: string): void;
  /** Runs the current query again now (e.g. after a conversation was deleted). */
  rerun(): Promise<void>;
  clear(): void;
}

let timer: ReturnType<typeof setTimeout> | undefined;
let latest = 0;

export const useSearchStore = create<SearchState>()((set, get) => {
  const run = async () => {
    const query = get().query.trim();
    const ticket = ++latest;
    if (!query) return set({ hits: [], searching: false, error: null });
    const result = await api().conversations.search({ query, limit: 50 });
    if (ticket !== latest) return; // A newer query is on its way; drop this one.
    if (result.ok) set({ hits: result.value, searching: false, error: null });
    else set({ hits: [], searching: false, error: result.error });
  };
  return {
    query: "",
    hits: [],
    searching: false,
    error: null,
    setQuery: (query) => {
      set({ query, searching: query.trim() !== "" });
      clearTimeout(timer);
      timer = setTimeout(() => void run(), DEBOUNCE_MS);
    },
    rerun: run,
    clear: () => {
      clearTimeout(timer);
      latest++;
      set({ query: "", hits: [], searching: false, error: null });
    },
  };
});
