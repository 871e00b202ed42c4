import type { Channel } from "../../app/contract/channels";
import type { Result } from "../../app/contract/errors";
import type { ChatEvent, Message } from "../../app/contract/types";
import type { Host } from "../../main/host/Host";

/** Calls one channel of the host as the UI does; a failed result throws with its code and message. */
export async function callHost<T>(host: Host, channel: Channel, payload: unknown = {}): Promise<T> {
  const result = (await host.handle(channel, payload)) as Result<T>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The message once the host's `message:finished` event for it is among `events` (collected by the caller). */
export function finishedMessage(events: readonly ChatEvent[], messageId: string): Promise<Message> {
  return new Promise((resolve) => {
    const check = () => {
      const event = events.find((e) => e.type === "message:finished" && e.message.id === messageId);
      if (event?.type === "message:finished") resolve(event.message);
      else setTimeout(check, 20);
    };
    check();
  });
}
