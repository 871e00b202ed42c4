import { create } from "zustand";
import type { RequestOf } from "../../../app/contract/channels";
import type { Result } from "../../../app/contract/errors";
import type { ContextItemDetail, ContextItemSummary } from "../../../app/contract/types";
import { api } from "../api/connectBackend";
import { useUiStore } from "./uiStore";

interface ContextState {
  /** Every note and document (My context page). */
  items: ContextItemSummary[];
  loaded: boolean;
  /** What one conversation can use, each with its on/off state there (the context drawer). */
  forConversation: { conversationId: string; items: ContextItemSummary[] } | null;
  load(): Promise<void>;
  loadForConversation(conversationId: string): Promise<void>;
  get(id: string): Promise<Result<ContextItemDetail>>;
  addText(input: RequestOf<"context:addText">): Promise<Result<ContextItemSummary>>;
  addFile(input: RequestOf<"context:addFile">): Promise<Result<ContextItemSummary>>;
  update(input: RequestOf<"context:update">): Promise<Result<ContextItemSummary>>;
  remove(id: string): Promise<boolean>;
  setEnabled(conversationId: string, itemId: string, enabled: boolean): Promise<void>;
}

export const useContextStore = create<ContextState>()((set, get) => {
  /** After any change: re-read the lists on screen (the host decides order and scope). */
  const changed = async <T>(result: Result<T>): Promise<Result<T>> => {
    if (result.ok) await refresh();
    return result;
  };
  const refresh = async () => {
    const open = get().forConversation?.conversationId;
    await Promise.all([get().load(), open ? get().loadForConversation(open) : null]);
  };
  return {
    items: [],
    loaded: false,
    forConversation: null,
    load: async () => {
      const result = await api().context.list({});
      if (result.ok) set({ items: result.value, loaded: true });
      else useUiStore.getState().showNotice(result.error);
    },
    loadForConversation: async (conversationId) => {
      const result = await api().context.list({ conversationId });
      if (result.ok) set({ forConversation: { conversationId, items: result.value } });
      else useUiStore.getState().showNotice(result.error);
    },
    get: (id) => api().context.get({ id }),
    addText: async (input) => changed(await api().context.addText(input)),
    addFile: async (input) => changed(await api().context.addFile(input)),
    update: async (input) => changed(await api().context.update(input)),
    remove: async (id) => {
      const result = await changed(await api().context.remove({ id }));
      if (!result.ok) useUiStore.getState().showNotice(result.error);
      return result.ok;
    },
    setEnabled: async (conversationId, itemId, enabled) => {
      // Optimistic: a switch must move when pressed; the reload below corrects it either way.
      const shown = get().forConversation;
      if (shown?.conversationId === conversationId) {
        set({
          forConversation: { conversationId, items: shown.items.map((i) => (i.id === itemId ? { ...i, enabled } : i)) },
        });
      }
      const result = await api().context.setEnabled({ conversationId, itemId, enabled });
      if (!result.ok) useUiStore.getState().showNotice(result.error);
      await get().loadForConversation(conversationId);
    },
  };
});
