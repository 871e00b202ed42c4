import { useEffect } from "react";
import { readLastConversation, writeLastConversation } from "../../lib/lastConversation";
import { useChatStore } from "../../stores/chatStore";
import { useConversationsStore } from "../../stores/conversationsStore";

/** Once per page load: a remount (StrictMode, a reconnect) must not pull the user back. */
let restored = false;

/**
 * Reopens the conversation that was open when the app last closed, once the list is loaded and
 * only if it still exists (it may have been deleted, or the data wiped); then remembers every
 * conversation the user opens.
 */
export function useRestoreLastConversation(): void {
  useEffect(() => {
    const remember = useChatStore.subscribe((state, previous) => {
      const id = state.conversation?.id ?? null;
      if (id !== (previous.conversation?.id ?? null)) writeLastConversation(id);
    });
    if (restored) return remember;
    const restore = () => {
      if (!useConversationsStore.getState().loaded) return false;
      restored = true;
      const id = readLastConversation();
      const exists = useConversationsStore.getState().items.some((c) => c.id === id);
      if (id && exists && !useChatStore.getState().conversation) void useChatStore.getState().open(id);
      else if (id && !exists) writeLastConversation(null);
      return true;
    };
    if (restore()) return remember;
    const waitForList = useConversationsStore.subscribe(() => {
      if (restore()) waitForList();
    });
    return () => {
      remember();
      waitForList();
    };
  }, []);
}
