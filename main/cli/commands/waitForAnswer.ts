import type { ChatEvent, Message } from "../../../app/contract/types";
import type { Host } from "../../host/Host";

/**
 * Subscribes before the message is sent so no token is missed; `onText` gets the visible
 * answer's pieces. Returns a function that, given the assistant message id, resolves when it is
 * finished.
 */
export function waitForAnswer(host: Host, conversationId: string, onText: (text: string) => void) {
  const buffered: ChatEvent[] = [];
  let target: string | null = null;
  let resolve: (message: Message) => void = () => {};
  const done = new Promise<Message>((r) => (resolve = r));
  const handle = (event: ChatEvent) => {
    if (event.type === "message:token" && event.messageId === target && (event.stage ?? "answer") === "answer")
      onText(event.text);
    if (event.type === "message:finished" && event.message.id === target) resolve(event.message);
  };
  const unsubscribe = host.onEvent((event) => {
    if (!("conversationId" in event) || event.conversationId !== conversationId) return;
    if (target === null) buffered.push(event);
    else handle(event);
  });
  return async (messageId: string): Promise<Message> => {
    target = messageId;
    buffered.splice(0).forEach(handle);
    const message = await done;
    unsubscribe();
    return message;
  };
}
