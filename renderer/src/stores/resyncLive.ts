import type { ChatEvent, LiveAnswer, PrivacyMode } from "../../../app/contract/types";
import { fromLiveAnswer, withStep, withStreamText, type LiveStages } from "./liveStages";

/** The events the live stage view follows. */
export type StageEvent = Extract<ChatEvent, { type: "message:progress" | "message:token" | "message:finished" }>;

/** A stage event as it arrived, with the mode of its conversation then. */
export interface ReceivedStageEvent {
  event: StageEvent;
  mode: PrivacyMode;
}

type LiveRecord = Record<string, LiveStages>;

/** The answers being written, by message id, after one event (a finished answer leaves). */
export function applyLiveEvent(live: LiveRecord, { event, mode }: ReceivedStageEvent): LiveRecord {
  if (event.type === "message:finished") return withoutEntry(live, event.message.id);
  const id = event.messageId;
  if (event.type === "message:progress") return { ...live, [id]: withStep(live[id], mode, event.step) };
  if (!event.stage || event.stage === "answer") return live;
  return { ...live, [id]: withStreamText(live[id], mode, event.stage, event.text, event.offset) };
}

/**
 * The answers being written after a resync from `messages:live`, asked for when the view held the
 * entries `before`: each answer the host still writes as the host has it, with the events that
 * arrived while it was asked for applied again on top (offsets keep every piece once, an end
 * removes it). An entry from before that the host no longer writes is gone: its end was sent while
 * the stream was down. One that began while asking is kept as its events built it.
 */
export function resyncLive(
  current: LiveRecord,
  before: ReadonlySet<string>,
  snapshot: readonly LiveAnswer[],
  arrived: readonly ReceivedStageEvent[],
): LiveRecord {
  let next: LiveRecord = {};
  for (const [id, entry] of Object.entries(current)) if (!before.has(id)) next[id] = entry;
  const fromHost = new Set(snapshot.map((answer) => answer.messageId));
  for (const answer of snapshot) next[answer.messageId] = fromLiveAnswer(answer);
  for (const received of arrived) if (fromHost.has(messageIdOf(received.event))) next = applyLiveEvent(next, received);
  return next;
}

function messageIdOf(event: StageEvent): string {
  return event.type === "message:finished" ? event.message.id : event.messageId;
}

function withoutEntry(live: LiveRecord, id: string): LiveRecord {
  if (!(id in live)) return live;
  const next = { ...live };
  delete next[id];
  return next;
}
