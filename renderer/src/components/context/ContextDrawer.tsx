import type { RefObject } from "react";
import { useEffect, useRef } from "react";
import type { ContextItemSummary } from "../../../../app/contract/types";
import { useChatStore } from "../../stores/chatStore";
import { useContextStore } from "../../stores/contextStore";
import { useUiStore } from "../../stores/uiStore";
import { Switch } from "../common/Switch";

/**
 * What the local model may read in this conversation, each with an on/off switch. Not modal:
 * Escape or a click outside closes it, and focus goes back to its button.
 */
export function ContextDrawer({
  onClose,
  anchor,
}: {
  onClose(returnFocus: boolean): void;
  anchor: RefObject<HTMLElement | null>;
}) {
  const conversationId = useChatStore((s) => s.conversation?.id ?? null);
  const items = useContextStore((s) =>
    conversationId ? (s.forConversation?.conversationId === conversationId ? s.forConversation.items : []) : s.items,
  );
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(ref, anchor, onClose);
  useEffect(() => ref.current?.querySelector<HTMLElement>("button, a")?.focus(), []);
  return (
    <div ref={ref} id="context-drawer" className="context-drawer" role="dialog" aria-labelledby="context-drawer-title">
      <h2 id="context-drawer-title">Private context here</h2>
      <p className="field-hint">
        The local model may read these. They never leave this device
        {conversationId ? "" : "; choose per conversation after its first message"}.
      </p>
      {items.length === 0 ? (
        <p className="drawer-empty">No notes or documents yet.</p>
      ) : (
        <ul className="drawer-list">
          {items.map((item) => (
            <DrawerItem key={item.id} item={item} conversationId={conversationId} />
          ))}
        </ul>
      )}
      <button
        type="button"
        className="button"
        onClick={() => {
          onClose(false);
          useUiStore.getState().showView("context");
        }}
      >
        Manage my context
      </button>
    </div>
  );
}

function DrawerItem({ item, conversationId }: { item: ContextItemSummary; conversationId: string | null }) {
  const enabled = item.enabled ?? true;
  return (
    <li className="drawer-item">
      <Switch
        checked={enabled}
        label={`Use “${item.title}” in this conversation`}
        disabled={!conversationId}
        onChange={(on) => conversationId && void useContextStore.getState().setEnabled(conversationId, item.id, on)}
      />
      <span className="drawer-item-text">
        <span className="drawer-item-title">{item.title}</span>
        <span className="drawer-item-meta">
          {item.scope === "global" ? "All conversations" : "This conversation only"}
        </span>
      </span>
    </li>
  );
}

/**
 * Closes on Escape (focus back to the button) and on a pointer press outside the panel and its
 * button (focus stays where the user clicked).
 */
function useDismiss(
  panel: RefObject<HTMLElement | null>,
  anchor: RefObject<HTMLElement | null>,
  onClose: (returnFocus: boolean) => void,
): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose(true);
    };
    const onPointer = (e: MouseEvent) => {
      const target = e.target as Node;
      if (!panel.current?.contains(target) && !anchor.current?.contains(target)) onClose(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onPointer);
    };
  }, [panel, anchor, onClose]);
}
