import { create } from "zustand";
import type { ErrorData } from "../../../app/contract/errors";
import type { ChatEvent, MessageStage, PrivacyMode } from "../../../app/contract/types";
import { api } from "../api/connectBackend";
import { withStep, withStreamText, type LiveStages } from "./liveStages";

/** An answer's stored stages (`messages:stages`), fetched once per message. */
export type StoredStages =
  { status: "loading" } | { status: "loaded"; stages: MessageStage[] } | { status: "error"; error: ErrorData };

type StageEvent = Extract<ChatEvent, { type: "message:progress" | "message:token" | "message:finished" }>;

interface StagesState {
  /** Answers being written now, by message id. */
  live: Record<string, LiveStages>;
  /** Finished answers' stages, by message id; absent = not fetched yet. */
  stored: Record<string, StoredStages>;
  /** Applies a pushed progress, stage-token or finished event; `mode` is the conversation's. */
  handleEvent(event: StageEvent, mode: PrivacyMode): void;
  /** Fetches a finished answer's stages unless they are already here or on their way. */
  load(messageId: string): Promise<void>;
}

export const useStagesStore = create<StagesState>()((set, get) => ({
  live: {},
  stored: {},
  handleEvent: (event, mode) => {
    if (event.type === "message:finished") return finish(event.message.id, get, set);
    const id = event.messageId;
    const live = get().live[id];
    if (event.type === "message:progress")
      return set({ live: { ...get().live, [id]: withStep(live, mode, event.step) } });
    if (!event.stage || event.stage === "answer") return;
    set({ live: { ...get().live, [id]: withStreamText(live, mode, event.stage, event.text) } });
  },
  load: async (messageId) => {
    if (get().stored[messageId]) return;
    set({ stored: { ...get().stored, [messageId]: { status: "loading" } } });
    const result = await api().messages.stages({ messageId });
    const entry: StoredStages = result.ok
      ? { status: "loaded", stages: result.value }
      : { status: "error", error: result.error };
    set({ stored: { ...get().stored, [messageId]: entry } });
  },
}));

type Get = () => StagesState;
type Set = (partial: Partial<StagesState>) => void;

/** The answer is stored with its stages now: forget the live copy and any earlier fetch. */
function finish(messageId: string, get: Get, set: Set): void {
  const { live, stored } = get();
  if (!(messageId in live) && !(messageId in stored)) return;
  const nextLive = { ...live };
  const nextStored = { ...stored };
  delete nextLive[messageId];
  // A regenerated or re-streamed answer may have new stages; the next render fetches them.
  delete nextStored[messageId];
  set({ live: nextLive, stored: nextStored });
}
