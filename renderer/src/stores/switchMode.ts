import type { PrivacyMode } from "../../../app/contract/types";
import { api } from "../api/connectBackend";
import { useChatStore } from "./chatStore";
import { useConversationsStore } from "./conversationsStore";
import { useUiStore } from "./uiStore";

/**
 * Switches the open conversation's privacy mode; it applies from the next message on, so the
 * switch is marked after the last message on screen. A fresh chat (not created yet) just
 * remembers the choice for its first message.
 */
export async function switchMode(mode: PrivacyMode): Promise<void> {
  const chat = useChatStore.getState();
  const before = chat.conversation;
  if (!before) return useChatStore.setState({ draftMode: mode });
  if (before.mode === mode) return;
  // Optimistic: the radio must show the choice at once; put back if the host refuses.
  useChatStore.setState({ conversation: { ...before, mode } });
  const result = await api().conversations.setMode({ id: before.id, mode });
  const now = useChatStore.getState();
  if (now.conversation?.id !== before.id) return;
  if (!result.ok) {
    useChatStore.setState({ conversation: before });
    return useUiStore.getState().showNotice(result.error);
  }
  useConversationsStore.getState().upsert(result.value);
  const last = now.messages[now.messages.length - 1];
  const changes = now.modeChanges.filter((c) => c.afterMessageId !== last?.id);
  useChatStore.setState({ conversation: result.value, modeChanges: last ? [...changes, { afterMessageId: last.id, mode }] : changes });
}
