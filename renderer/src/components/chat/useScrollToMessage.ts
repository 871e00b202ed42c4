import { useEffect } from "react";
import type { Message } from "../../../../app/contract/types";
import { useChatStore } from "../../stores/chatStore";

/** After opening a search hit: scroll its message into view, focus it and flash it briefly. */
export function useScrollToMessage(messages: Message[]): void {
  const target = useChatStore((s) => s.scrollTarget);
  const loading = useChatStore((s) => s.loading);
  useEffect(() => {
    if (!target || loading) return;
    const el = document.getElementById(`message-${target}`);
    useChatStore.getState().clearScrollTarget();
    if (!el) return;
    el.scrollIntoView({ block: "center" });
    el.focus({ preventScroll: true });
    el.classList.add("flash");
    // Not cleared on re-run: clearing the target re-runs this effect, and the flash must still end.
    setTimeout(() => el.classList.remove("flash"), 2000);
  }, [target, loading, messages]);
}
