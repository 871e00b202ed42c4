import { useChatStore } from "../../stores/chatStore";
import { useSettingsStore } from "../../stores/settingsStore";

/**
 * The question just sent, shown at once while the host stores it — which can take a while on the
 * first message, when llama.cpp loads the model into memory.
 */
export function PendingMessage() {
  const text = useChatStore((s) => s.pendingText);
  const loadingModel = useSettingsStore((s) => s.loadingModelId !== null);
  if (text === null) return null;
  return (
    <>
      <article className="message from-user pending" aria-label="You said">
        <div className="message-author" aria-hidden="true">
          You
        </div>
        <div className="message-body user-text">{text}</div>
      </article>
      <p className="pending-status" role="status">
        <span className="typing" aria-hidden="true">
          <span />
          <span />
          <span />
        </span>
        {loadingModel ? "Loading the model into memory…" : "Sending…"}
      </p>
    </>
  );
}
