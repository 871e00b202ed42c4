import type { ChatEvent, PrivacyMode } from "../../../app/contract/types";
import type { Backend, ConnectionState } from "../api/Backend";
import { UNREACHABLE_TEXT } from "../api/httpCall";
import { useChatStore } from "./chatStore";
import { useCloudStore } from "./cloudStore";
import { useConversationsStore } from "./conversationsStore";
import { useSettingsStore } from "./settingsStore";
import { useStagesStore } from "./stagesStore";
import { useUiStore } from "./uiStore";

/** Routes pushed events and connection changes to the stores. Returns unsubscribe. */
export function wireBackend(backend: Backend): () => void {
  const offEvent = backend.onEvent((event) => {
    if (event.type === "conversation:updated") useConversationsStore.getState().upsert(event.conversation);
    else if (event.type === "model:loading") useSettingsStore.getState().setLoadingModel(event.modelId);
    else if (event.type === "model:loaded") useSettingsStore.getState().setLoadingModel(null);
    useChatStore.getState().handleEvent(event);
    routeStageEvent(event);
  });
  let previous: ConnectionState = "connecting";
  const offConnection = backend.onConnection((state) => {
    useUiStore.getState().setConnection(state);
    // A call made while the host was away said it is not reachable; it is again, so that alert is stale.
    if (state === "connected" && useUiStore.getState().notice?.message === UNREACHABLE_TEXT) {
      useUiStore.getState().dismissNotice();
    }
    // Events sent while we were away are lost; reload what the user is looking at.
    if (state === "connected" && previous === "reconnecting") void refetchAfterReconnect();
    // A page opened (or reloaded) while an answer is written has missed its stages so far.
    else if (state === "connected" && previous === "connecting") void useStagesStore.getState().resync();
    previous = state;
  });
  const offUnauthorized = backend.onUnauthorized(() => useUiStore.getState().setUnauthorized());
  return () => {
    offEvent();
    offConnection();
    offUnauthorized();
  };
}

/** Progress, stage tokens and the end of an answer feed the stage view (Hybrid's live steps). */
function routeStageEvent(event: ChatEvent): void {
  if (event.type !== "message:progress" && event.type !== "message:token" && event.type !== "message:finished") return;
  useStagesStore.getState().handleEvent(event, modeOf(event.conversationId));
}

function modeOf(conversationId: string): PrivacyMode {
  const open = useChatStore.getState().conversation;
  if (open?.id === conversationId) return open.mode;
  return useConversationsStore.getState().items.find((c) => c.id === conversationId)?.mode ?? "private";
}

async function refetchAfterReconnect(): Promise<void> {
  await Promise.all([
    useConversationsStore.getState().load(),
    useChatStore.getState().refresh(),
    useSettingsStore.getState().load(),
    useCloudStore.getState().load(),
    // The live stage view of answers still being written (sketch and cloud text sent meanwhile).
    useStagesStore.getState().resync(),
  ]);
}
