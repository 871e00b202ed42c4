import type { Message } from "../../../../app/contract/types";
import { shortcutHint } from "../../keyboard/shortcutHint";
import { formatStats } from "../../lib/formatStats";
import { useChatStore } from "../../stores/chatStore";
import { CopyButton } from "../common/CopyButton";
import { Icon } from "../common/Icon";
import { StatusBadge } from "./StatusBadge";
import { VariantPager } from "./VariantPager";

/** Under an answer: how it ended, how fast it was, and what the user can do with it. */
export function AnswerFooter({ message, canRegenerate }: { message: Message; canRegenerate: boolean }) {
  if (message.status === "streaming") return null;
  return (
    <footer className="message-footer">
      <VariantPager message={message} />
      <StatusBadge status={message.status} />
      {message.cutAtLimit && (
        <span
          className="status-badge status-cut"
          title="The answer reached the answer-length limit (Settings). Continue writes on."
        >
          Cut at the length limit
        </span>
      )}
      {message.stats && (
        <span className="message-stats">
          {formatStats(message.stats).map((part) => (
            <span key={part}>{part}</span>
          ))}
        </span>
      )}
      <span className="message-actions">
        {message.content && (
          <CopyButton
            text={message.content}
            label="Copy answer"
            hint={canRegenerate ? shortcutHint("copy-last-answer") : undefined}
          />
        )}
        {canRegenerate && message.cutAtLimit && (
          <button type="button" className="text-button" onClick={() => void useChatStore.getState().continueAnswer()}>
            <Icon name="chevron" size={14} /> Continue
          </button>
        )}
        {canRegenerate && (
          <button
            type="button"
            className="text-button"
            onClick={() => void useChatStore.getState().regenerate()}
            {...shortcutHint("regenerate")}
          >
            <Icon name="refresh" size={14} /> Regenerate
          </button>
        )}
      </span>
    </footer>
  );
}
