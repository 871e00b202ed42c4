import { useEffect, useRef, useState } from "react";
import type { ConversationSummary } from "../../../../app/contract/types";
import { formatWhen } from "../../lib/formatWhen";
import { useChatStore } from "../../stores/chatStore";
import { useConversationsStore } from "../../stores/conversationsStore";
import { useUiStore } from "../../stores/uiStore";
import { ConfirmDialog } from "../common/ConfirmDialog";
import { Icon } from "../common/Icon";
import { RenameInput } from "./RenameInput";

/** One row of the sidebar: open on click; rename inline; delete after confirmation. */
export function ConversationItem({ conversation, active }: { conversation: ConversationSummary; active: boolean }) {
  const [mode, setMode] = useState<"idle" | "renaming" | "confirmingDelete">("idle");
  const openRef = useRef<HTMLButtonElement>(null);
  const title = conversation.title || "New conversation";
  // Enter/Escape in the title field unmounts it; keep keyboard users where they were.
  const previousMode = useRef(mode);
  useEffect(() => {
    const wasRenaming = previousMode.current === "renaming";
    previousMode.current = mode;
    if (wasRenaming && mode === "idle" && document.activeElement === document.body) openRef.current?.focus();
  }, [mode]);
  const rename = async (next: string) => {
    setMode("idle");
    const result = await useConversationsStore.getState().rename(conversation.id, next);
    if (!result.ok) useUiStore.getState().showNotice(result.error);
  };
  const remove = async () => {
    setMode("idle");
    const removed = await useConversationsStore.getState().remove(conversation.id);
    if (removed && active) useChatStore.getState().startNew();
  };
  return (
    <li className={`conversation-item${active ? " active" : ""}`}>
      {mode === "renaming" ? (
        <RenameInput initial={title} onSave={(t) => void rename(t)} onCancel={() => setMode("idle")} />
      ) : (
        <button
          ref={openRef}
          type="button"
          className="conversation-open"
          aria-current={active ? "page" : undefined}
          onClick={() => void useChatStore.getState().open(conversation.id)}
        >
          <span className="conversation-title">{title}</span>
          <span className="conversation-when">{formatWhen(conversation.updatedAt)}</span>
        </button>
      )}
      {mode !== "renaming" && (
        <span className="conversation-actions">
          <button
            type="button"
            className="icon-button"
            aria-label={`Rename “${title}”`}
            title="Rename"
            onClick={() => setMode("renaming")}
          >
            <Icon name="pencil" size={15} />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Delete “${title}”`}
            title="Delete"
            onClick={() => setMode("confirmingDelete")}
          >
            <Icon name="trash" size={15} />
          </button>
        </span>
      )}
      {mode === "confirmingDelete" && (
        <ConfirmDialog
          title="Delete this conversation?"
          body={`“${title}” and all its messages will be removed from this device. This cannot be undone.`}
          confirmLabel="Delete"
          onConfirm={() => void remove()}
          onCancel={() => setMode("idle")}
        />
      )}
    </li>
  );
}
