import type { PrivacyMode } from "../../../app/contract/types";
import { useChatStore } from "./chatStore";
import { useCloudStore } from "./cloudStore";
import { defaultMode } from "./defaultMode";

/** The open conversation's mode, or the one a fresh chat will get. */
export function currentMode(): PrivacyMode {
  const chat = useChatStore.getState();
  return chat.conversation?.mode ?? chat.draftMode ?? defaultMode(useCloudStore.getState().status);
}

export function useCurrentMode(): PrivacyMode {
  const chosen = useChatStore((s) => s.conversation?.mode ?? s.draftMode);
  const fallback = useCloudStore((s) => defaultMode(s.status));
  return chosen ?? fallback;
}
