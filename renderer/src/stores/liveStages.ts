import type { PrivacyMode } from "../../../app/contract/types";
import type { ProgressStep } from "../lib/progressSteps";

/** The streams of a Hybrid answer that are not the answer itself. */
export type StreamStage = "sketch" | "cloud" | "outline";

/** What is known, while an answer is written, about the steps it goes through. */
export interface LiveStages {
  /** The conversation's mode when the answer started. */
  mode: PrivacyMode;
  /** Steps in the order they were reported, each once. */
  steps: ProgressStep[];
  streams: Partial<Record<StreamStage, string>>;
}

function empty(mode: PrivacyMode): LiveStages {
  return { mode, steps: [], streams: {} };
}

/** Records a reported step (a repeat of a step already seen changes nothing). */
export function withStep(live: LiveStages | undefined, mode: PrivacyMode, step: ProgressStep): LiveStages {
  const current = live ?? empty(mode);
  return current.steps.includes(step) ? current : { ...current, steps: [...current.steps, step] };
}

/**
 * Appends streamed text to its stage. A stream implies its step even if the progress event was
 * lost (the sketch cannot stream before sketching began).
 */
export function withStreamText(
  live: LiveStages | undefined,
  mode: PrivacyMode,
  stage: StreamStage,
  text: string,
): LiveStages {
  const step = stage === "outline" ? "cloud" : stage;
  const current = withStep(live, mode, step);
  return { ...current, streams: { ...current.streams, [stage]: (current.streams[stage] ?? "") + text } };
}

/**
 * The sketch the stage view shows: its text; "" once a later step began without any (the local
 * model ended at once — a real model can, and the step line already shows "Local sketch" done, so
 * the view says the sketch was empty instead of leaving it out); null while nothing is known yet.
 */
export function sketchToShow(live: LiveStages): string | null {
  const text = live.streams.sketch ?? "";
  if (text.trim()) return text;
  const sketchEnded = live.steps.includes("sketch") && live.steps.some((s) => s !== "context" && s !== "sketch");
  return sketchEnded ? "" : null;
}
