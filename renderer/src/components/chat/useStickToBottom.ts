import type { RefObject } from "react";
import { useEffect, useLayoutEffect, useRef } from "react";

/** How close to the bottom (px) still counts as "reading the latest". */
const NEAR_BOTTOM_PX = 80;

/**
 * Keeps a scroll container pinned to the bottom while content grows (streaming tokens), unless
 * the user has scrolled up to read something — then it leaves them where they are.
 */
export function useStickToBottom(ref: RefObject<HTMLElement | null>, contentKey: unknown, force: unknown): void {
  const stick = useRef(true);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onScroll = () => {
      stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
    };
    el.addEventListener("scroll", onScroll, { passive: true });
    return () => el.removeEventListener("scroll", onScroll);
  }, [ref]);
  // A new question (force changes) always brings the view down to it.
  useLayoutEffect(() => {
    stick.current = true;
  }, [force]);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [ref, contentKey, force]);
}
