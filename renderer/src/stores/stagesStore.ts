import { create } from "zustand";
import type { ErrorData } from "../../../app/contract/errors";
import type { MessageStage, PrivacyMode } from "../../../app/contract/types";
import { api } from "../api/connectBackend";
import type { LiveStages } from "./liveStages";
import { applyLiveEvent, resyncLive, type ReceivedStageEvent, type StageEvent } from "./resyncLive";

/** An answer's stored stages (`messages:stages`), fetched once per message. */
export type StoredStages =
  { status: "loading" } | { status: "loaded"; stages: MessageStage[] } | { status: "error"; error: ErrorData };

interface StagesState {
  /** Answers being written now, by message id. */
  live: Record<string, LiveStages>;
  /** Finished answers' stages, by message id; absent = not fetched yet. */
  stored: Record<string, StoredStages>;
  /** Applies a pushed progress, stage-token or finished event; `mode` is the conversation's. */
  handleEvent(event: StageEvent, mode: PrivacyMode): void;
  /** Fetches a finished answer's stages unless they are already here or on their way. */
  load(messageId: string): Promise<void>;
  /**
   * After the event stream reconnected: reads the answers still being written from the host
   * (`messages:live`), so text streamed while it was down shows, and drops the ones that ended.
   */
  resync(): Promise<void>;
}

export const useStagesStore = create<StagesState>()((set, get) => {
  /** Events that arrive while a resync is asked for, one list per resync under way. */
  const arriving = new Set<ReceivedStageEvent[]>();
  return {
    live: {},
    stored: {},
    handleEvent: (event, mode) => {
      arriving.forEach((list) => list.push({ event, mode }));
      const live = applyLiveEvent(get().live, { event, mode });
      set(event.type === "message:finished" ? ended(get(), live, [event.message.id]) : { live });
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
    resync: async () => {
      const before = new Set(Object.keys(get().live));
      const arrived: ReceivedStageEvent[] = [];
      arriving.add(arrived);
      try {
        const result = await api().messages.live({});
        // Unanswered: the view keeps what it has; the answers' ends still arrive as events.
        if (result.ok) set(ended(get(), resyncLive(get().live, before, result.value, arrived)));
      } finally {
        arriving.delete(arrived);
      }
    },
  };
});

/**
 * The new live entries; an answer that left them is stored with its stages now, so any earlier
 * fetch of its stages is forgotten too (a regenerated or re-streamed answer may have new ones; the
 * next render fetches them).
 */
function ended(
  state: StagesState,
  live: Record<string, LiveStages>,
  finished: string[] = [],
): Pick<StagesState, "live" | "stored"> {
  const gone = [...finished, ...Object.keys(state.live).filter((id) => !(id in live))];
  if (!gone.some((id) => id in state.stored)) return { live, stored: state.stored };
  const stored = { ...state.stored };
  for (const id of gone) delete stored[id];
  return { live, stored };
}
