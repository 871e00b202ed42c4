import { memo, useState } from "react";
import type { Message } from "../../../../app/contract/types";
import { AnswerDetails } from "./AnswerDetails";
import { AnswerFooter } from "./AnswerFooter";
import { AnswerNotice } from "./AnswerNotice";
import { EditMessageForm } from "./EditMessageForm";
import { Icon } from "../common/Icon";
import { Markdown } from "./Markdown";
import { RouteBadge } from "./RouteBadge";
import { StageProgress } from "./StageProgress";
import { useMessageStages } from "./useMessageStages";

interface MessageItemProps {
  message: Message;
  /** Regenerate (on an answer) or Edit (on a question) is offered on the last of each only. */
  canAct: boolean;
}

export const MessageItem = memo(function MessageItem({ message, canAct }: MessageItemProps) {
  const isUser = message.role === "user";
  return (
    <article
      id={`message-${message.id}`}
      className={`message ${isUser ? "from-user" : "from-assistant"} status-${message.status}`}
      aria-label={isUser ? "You said" : "Tandem answered"}
      aria-busy={message.status === "streaming"}
      tabIndex={-1}
    >
      <div className="message-author" aria-hidden="true">
        {isUser ? "You" : "Tandem"}
      </div>
      {isUser ? (
        <UserMessage message={message} canEdit={canAct} />
      ) : (
        <AssistantMessage message={message} canRegenerate={canAct} />
      )}
    </article>
  );
});

function UserMessage({ message, canEdit }: { message: Message; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  if (editing) return <EditMessageForm initial={message.content} onDone={() => setEditing(false)} />;
  return (
    <>
      <div className="message-body user-text">{message.content}</div>
      {canEdit && (
        <div className="message-actions user-actions">
          <button type="button" className="text-button" onClick={() => setEditing(true)}>
            <Icon name="pencil" size={14} /> Edit
          </button>
        </div>
      )}
    </>
  );
}

function AssistantMessage({ message, canRegenerate }: { message: Message; canRegenerate: boolean }) {
  const streaming = message.status === "streaming";
  const stages = useMessageStages(message);
  return (
    <>
      {streaming && <StageProgress messageId={message.id} />}
      {stages?.notice && <AnswerNotice text={stages.notice} kind={stages.noticeKind} />}
      <div className={`message-body${streaming ? " streaming" : ""}`}>
        {message.content ? <Markdown text={message.content} /> : streaming ? <TypingDots /> : null}
      </div>
      {message.status === "error" && message.error && <p className="message-error">{message.error}</p>}
      {stages?.route && <RouteBadge route={stages.route} canAct={canRegenerate} />}
      <AnswerFooter message={message} canRegenerate={canRegenerate} />
      <AnswerDetails message={message} view={stages} />
    </>
  );
}

function TypingDots() {
  return (
    <span className="typing" role="status" aria-label="Tandem is thinking">
      <span />
      <span />
      <span />
    </span>
  );
}
