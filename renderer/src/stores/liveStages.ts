import type { LiveAnswer, PrivacyMode, StreamStage } from "../../../app/contract/types";
import type { ProgressStep } from "../lib/progressSteps";

export type { StreamStage };

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
 * lost (the sketch cannot stream before sketching began). `offset` (where the piece starts in
 * the host's text) keeps a piece the view already has from a resync (`messages:live`) once; a
 * piece beyond the text here (some were lost) is appended all the same, until a resync.
 */
export function withStreamText(
  live: LiveStages | undefined,
  mode: PrivacyMode,
  stage: StreamStage,
  text: string,
  offset?: number,
): LiveStages {
  const step = stage === "outline" ? "cloud" : stage;
  const current = withStep(live, mode, step);
  const known = current.streams[stage] ?? "";
  const fresh = offset === undefined || offset >= known.length ? text : text.slice(known.length - offset);
  if (!fresh) return current;
  return { ...current, streams: { ...current.streams, [stage]: known + fresh } };
}

/** The view's entry for an answer the host reports as being written now. */
export function fromLiveAnswer(answer: LiveAnswer): LiveStages {
  return { mode: answer.mode, steps: [...answer.steps], streams: { ...answer.streams } };
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
