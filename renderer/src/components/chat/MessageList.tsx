import { Fragment, useRef } from "react";
import type { Message } from "../../../../app/contract/types";
import { useChatStore } from "../../stores/chatStore";
import { MessageItem } from "./MessageItem";
import { ModeChangeNote } from "./ModeChangeNote";
import { PendingMessage } from "./PendingMessage";
import { useScrollToMessage } from "./useScrollToMessage";
import { useStickToBottom } from "./useStickToBottom";

/** The open conversation's messages; scrolls along as an answer streams in. */
export function MessageList() {
  const messages = useChatStore((s) => s.messages);
  const pendingText = useChatStore((s) => s.pendingText);
  const modeChanges = useChatStore((s) => s.modeChanges);
  const ref = useRef<HTMLDivElement>(null);
  const last = messages[messages.length - 1];
  const answering = messages.some((m) => m.status === "streaming");
  const lastUserId = findLast(messages, "user")?.id;
  const lastAnswerId = last?.role === "assistant" ? last.id : undefined;
  useStickToBottom(ref, last?.content.length, `${lastUserId}|${pendingText ?? ""}`);
  useScrollToMessage(messages);
  return (
    <div className="chat-scroll" ref={ref}>
      <div className="message-list">
        {messages.map((m) => (
          <Fragment key={m.id}>
            <MessageItem message={m} canAct={!answering && (m.id === lastUserId || m.id === lastAnswerId)} />
            {modeChanges
              .filter((c) => c.afterMessageId === m.id)
              .map((c) => (
                <ModeChangeNote key={c.mode} mode={c.mode} />
              ))}
          </Fragment>
        ))}
        <PendingMessage />
      </div>
      <p className="sr-only" aria-live="polite">
        {announcement(last)}
      </p>
    </div>
  );
}

function findLast(messages: Message[], role: Message["role"]): Message | undefined {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]!.role === role) return messages[i];
  return undefined;
}

/** Screen readers hear when an answer starts and ends, not every token. */
function announcement(last: Message | undefined): string {
  if (!last || last.role !== "assistant") return "";
  if (last.status === "streaming") return "Tandem is answering…";
  if (last.status === "stopped") return "Answer stopped.";
  if (last.status === "error") return "The answer failed.";
  if (last.cutAtLimit) return "Answer cut at the length limit. Continue writes on.";
  return "Answer finished.";
}
