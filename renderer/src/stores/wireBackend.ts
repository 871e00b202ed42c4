import type { Backend, ConnectionState } from "../api/Backend";
import { useChatStore } from "./chatStore";
import { useConversationsStore } from "./conversationsStore";
import { useSettingsStore } from "./settingsStore";
import { useUiStore } from "./uiStore";

/** Routes pushed events and connection changes to the stores. Returns unsubscribe. */
export function wireBackend(backend: Backend): () => void {
  const offEvent = backend.onEvent((event) => {
    if (event.type === "conversation:updated") useConversationsStore.getState().upsert(event.conversation);
    else if (event.type === "model:loading") useSettingsStore.getState().setLoadingModel(event.modelId);
    else if (event.type === "model:loaded") useSettingsStore.getState().setLoadingModel(null);
    useChatStore.getState().handleEvent(event);
  });
  let previous: ConnectionState = "connecting";
  const offConnection = backend.onConnection((state) => {
    useUiStore.getState().setConnection(state);
    // Events sent while we were away are lost; reload what the user is looking at.
    if (state === "connected" && previous === "reconnecting") void refetchAfterReconnect();
    previous = state;
  });
  const offUnauthorized = backend.onUnauthorized(() => useUiStore.getState().setUnauthorized());
  return () => {
    offEvent();
    offConnection();
    offUnauthorized();
  };
}

async function refetchAfterReconnect(): Promise<void> {
  await Promise.all([useConversationsStore.getState().load(), useChatStore.getState().refresh(), useSettingsStore.getState().load()]);
}
