import { useEffect, useRef, useState } from "react";
import { useChatStore } from "../../stores/chatStore";
import { useContextStore } from "../../stores/contextStore";
import { ContextDrawer } from "./ContextDrawer";
import { Icon } from "../common/Icon";

/** "Context · 2": opens the list of notes and documents this conversation may use. */
export function ContextButton() {
  const [open, setOpen] = useState(false);
  const conversationId = useChatStore((s) => s.conversation?.id ?? null);
  const enabled = useContextStore((s) => countEnabled(s.forConversation, conversationId, s.items.length));
  const buttonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (conversationId) void useContextStore.getState().loadForConversation(conversationId);
    else void useContextStore.getState().load();
  }, [conversationId]);
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };
  return (
    <div className="context-anchor">
      <button
        ref={buttonRef}
        type="button"
        className={`button ghost context-button${open ? " active" : ""}`}
        aria-expanded={open}
        aria-controls="context-drawer"
        onClick={() => setOpen(!open)}
      >
        <Icon name="notes" size={15} /> Context{enabled > 0 ? ` · ${enabled}` : ""}
      </button>
      {open && <ContextDrawer onClose={close} anchor={buttonRef} />}
    </div>
  );
}

/** Items on in this conversation; for a fresh chat, every global item (all on by default). */
function countEnabled(
  forConversation: { conversationId: string; items: { enabled?: boolean }[] } | null,
  conversationId: string | null,
  globalCount: number,
): number {
  if (!conversationId) return globalCount;
  if (forConversation?.conversationId !== conversationId) return 0;
  return forConversation.items.filter((i) => i.enabled).length;
}
