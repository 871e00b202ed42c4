import { useEffect, useMemo } from "react";
import type { Message } from "../../../../app/contract/types";
import { readStages, type StagesView } from "../../lib/readStages";
import { useStagesStore } from "../../stores/stagesStore";

/**
 * A finished answer's stored stages (fetched once, also for answers from before a reload);
 * null while the answer is written or its stages load.
 */
export function useMessageStages(message: Message): StagesView | null {
  const entry = useStagesStore((s) => s.stored[message.id]);
  const finished = message.role === "assistant" && message.status !== "streaming";
  useEffect(() => {
    if (finished && !entry) void useStagesStore.getState().load(message.id);
  }, [finished, entry, message.id]);
  return useMemo(() => (finished && entry?.status === "loaded" ? readStages(entry.stages) : null), [finished, entry]);
}
