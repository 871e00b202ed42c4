import { useState } from "react";
import type { ContextItemSummary } from "../../../../app/contract/types";
import { useContextStore } from "../../stores/contextStore";
import { useConversationsStore } from "../../stores/conversationsStore";
import { ConfirmDialog } from "../common/ConfirmDialog";
import { ContextItemEditor } from "./ContextItemEditor";
import { Icon } from "../common/Icon";

/** One note or document: what it is and where it applies; open to read or edit; delete after confirming. */
export function ContextItemRow({ item }: { item: ContextItemSummary }) {
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const scopeTitle = useConversationsStore((s) => s.items.find((c) => c.id === item.conversationId)?.title);
  const scope = item.scope === "global" ? "All conversations" : `Only “${scopeTitle || "a deleted conversation"}”`;
  const kind = item.kind === "document" ? `Document${item.sourceName ? ` (${item.sourceName})` : ""}` : "Note";
  const editorId = `context-item-${item.id}`;
  return (
    <li className="context-row">
      <div className="context-row-head">
        <Icon name={item.kind === "document" ? "notes" : "pencil"} size={16} />
        <span className="context-row-text">
          <span className="context-row-title">{item.title}</span>
          <span className="context-row-meta">
            {kind} · {item.chars.toLocaleString("en")} characters · {scope}
          </span>
        </span>
        <button
          type="button"
          className="text-button"
          aria-expanded={open}
          aria-controls={editorId}
          onClick={() => setOpen(!open)}
        >
          {open ? "Close" : "Open"}
          <span className="sr-only"> “{item.title}”</span>
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Delete “${item.title}”`}
          title="Delete"
          onClick={() => setConfirming(true)}
        >
          <Icon name="trash" size={15} />
        </button>
      </div>
      {open && <ContextItemEditor id={editorId} itemId={item.id} />}
      {confirming && (
        <ConfirmDialog
          title="Delete this item?"
          body={`“${item.title}” and its text will be removed from this device. Answers that used it keep their record of the passages.`}
          confirmLabel="Delete"
          onConfirm={() => {
            setConfirming(false);
            void useContextStore.getState().remove(item.id);
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
    </li>
  );
}
