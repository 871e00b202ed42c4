import { create } from "zustand";
import type { Result } from "../../../app/contract/errors";
import type { ConversationSummary, PrivacyMode } from "../../../app/contract/types";
import { api } from "../api/connectBackend";
import { useUiStore } from "./uiStore";
import { sortNewestFirst, upsertConversation } from "./upsertConversation";

interface ConversationsState {
  items: ConversationSummary[];
  loaded: boolean;
  load(): Promise<void>;
  /** Applies a summary pushed by the host (new title, new activity). */
  upsert(summary: ConversationSummary): void;
  create(mode?: PrivacyMode): Promise<ConversationSummary | null>;
  rename(id: string, title: string): Promise<Result<ConversationSummary>>;
  remove(id: string): Promise<boolean>;
}

export const useConversationsStore = create<ConversationsState>()((set, get) => ({
  items: [],
  loaded: false,
  load: async () => {
    const result = await api().conversations.list({});
    if (result.ok) set({ items: sortNewestFirst(result.value), loaded: true });
    else useUiStore.getState().showNotice(result.error);
  },
  upsert: (summary) => set({ items: upsertConversation(get().items, summary) }),
  create: async (mode = "private") => {
    const result = await api().conversations.create({ mode });
    if (!result.ok) {
      useUiStore.getState().showNotice(result.error);
      return null;
    }
    get().upsert(result.value);
    return result.value;
  },
  rename: async (id, title) => {
    const result = await api().conversations.rename({ id, title });
    if (result.ok) get().upsert(result.value);
    return result;
  },
  remove: async (id) => {
    const result = await api().conversations.delete({ id });
    if (!result.ok) {
      useUiStore.getState().showNotice(result.error);
      return false;
    }
    set({ items: get().items.filter((c) => c.id !== id) });
    return true;
  },
}));
