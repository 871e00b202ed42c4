import { useChatStore } from "../stores/chatStore";
import { useContextStore } from "../stores/contextStore";
import { useSettingsStore } from "../stores/settingsStore";

/**
 * Cloud mode sends what the user types, as typed. A conversation that already holds private
 * turns or has private context attached may have been switched to Cloud by a stray Ctrl+Shift+M,
 * so Tandem asks once per conversation before its first Cloud message (issue #12). The answer is
 * UI state (conversation ids only), kept in localStorage like the last open conversation.
 */
const KEY = "tandem.cloudConsent";

function consented(): string[] {
  try {
    const ids: unknown = JSON.parse(localStorage.getItem(KEY) ?? "[]");
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : [];
  } catch {
    return [];
  }
}

/** Whether sending now needs the user's yes: Cloud mode, online, private content here, not asked before. */
export function needsCloudConsent(): boolean {
  const { conversation, messages } = useChatStore.getState();
  if (!conversation || conversation.mode !== "cloud") return false;
  if (useSettingsStore.getState().settings?.offline) return false;
  if (consented().includes(conversation.id)) return false;
  const attached = useContextStore.getState().forConversation;
  const hasAttached =
    attached?.conversationId === conversation.id &&
    attached.items.some((item) => item.conversationId === conversation.id);
  return messages.length > 0 || hasAttached;
}

export function giveCloudConsent(conversationId: string): void {
  try {
    localStorage.setItem(
      KEY,
      JSON.stringify([...consented().filter((id) => id !== conversationId), conversationId].slice(-500)),
    );
  } catch {
    // Storage refused (private window quota): Tandem asks again next time, which is the safe side.
  }
}
