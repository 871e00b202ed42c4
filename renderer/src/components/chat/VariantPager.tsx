import type { Message } from "../../../../app/contract/types";
import { useChatStore } from "../../stores/chatStore";
import { Icon } from "../common/Icon";

/**
 * ‹ 2/3 › under an answer that was regenerated: flips between the answers to the same question.
 * The one shown is what the conversation continues from and what an export keeps. Not while an
 * answer is being written (the host refuses then too).
 */
export function VariantPager({ message }: { message: Message }) {
  const answering = useChatStore((s) => s.messages.some((m) => m.status === "streaming"));
  const variants = message.variants ?? [];
  if (variants.length < 2) return null;
  const index = variants.indexOf(message.id);
  const choose = (id: string | undefined) => id && void useChatStore.getState().chooseVariant(id);
  return (
    <span className="variant-pager" role="group" aria-label="Versions of this answer">
      <button
        type="button"
        className="icon-button"
        aria-label="Previous version"
        disabled={answering || index <= 0}
        onClick={() => choose(variants[index - 1])}
      >
        <Icon name="back" size={14} />
      </button>
      <span className="variant-count" aria-live="polite">
        {index + 1}/{variants.length}
      </span>
      <button
        type="button"
        className="icon-button"
        aria-label="Next version"
        disabled={answering || index >= variants.length - 1}
        onClick={() => choose(variants[index + 1])}
      >
        <Icon name="chevron" size={14} />
      </button>
    </span>
  );
}
