import type { PrivacyMode } from "../../../app/contract/types";
import { api } from "../api/connectBackend";
import { useChatStore } from "./chatStore";
import { useConversationsStore } from "./conversationsStore";
import { useUiStore } from "./uiStore";

/** Counts switches, so only the newest one's reply settles the mode (a quick second switch must not be undone). */
let latestSwitch = 0;

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
  const switchNumber = ++latestSwitch;
  // Optimistic: the radio must show the choice at once; put back if the host refuses.
  useChatStore.setState({ conversation: { ...before, mode }, pendingMode: mode });
  const result = await api().conversations.setMode({ id: before.id, mode });
  if (!result.ok) useUiStore.getState().showNotice(result.error);
  const now = useChatStore.getState();
  // Another conversation is open, or a newer switch was made meanwhile: its reply settles the mode.
  if (now.conversation?.id !== before.id || switchNumber !== latestSwitch) return;
  if (!result.ok) return useChatStore.setState({ conversation: before, pendingMode: null });
  useConversationsStore.getState().upsert(result.value);
  const last = now.messages[now.messages.length - 1];
  const changes = now.modeChanges.filter((c) => c.afterMessageId !== last?.id);
  useChatStore.setState({
    conversation: result.value,
    pendingMode: null,
    modeChanges: last ? [...changes, { afterMessageId: last.id, mode }] : changes,
  });
}
