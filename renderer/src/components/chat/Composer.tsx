import type { RefObject } from "react";
import { useLayoutEffect, useRef, useState } from "react";
import { MAX_MESSAGE_CHARS } from "../../../../app/contract/channels";
import type { PrivacyMode } from "../../../../app/contract/types";
import { keyLabelWhileTyping, shortcutHint } from "../../keyboard/shortcutHint";
import { useChatStore } from "../../stores/chatStore";
import { useCurrentMode } from "../../stores/currentMode";
import { useSettingsStore } from "../../stores/settingsStore";
import { giveCloudConsent, needsCloudConsent } from "../../lib/cloudConsent";
import { ConfirmDialog } from "../common/ConfirmDialog";
import { Icon } from "../common/Icon";

/** Where the user writes. Enter sends, Shift+Enter adds a line; Stop replaces Send while answering. */
export function Composer() {
  const [text, setText] = useState("");
  const answering = useChatStore((s) => s.messages.some((m) => m.status === "streaming"));
  const sending = useChatStore((s) => s.inFlight > 0);
  const mode = useCurrentMode();
  const offline = useSettingsStore((s) => s.settings?.offline ?? false);
  const ref = useRef<HTMLTextAreaElement>(null);
  const placeholder = offline && mode !== "private" ? OFFLINE_PLACEHOLDER : PLACEHOLDERS[mode];
  useAutoGrow(ref, text, placeholder);
  const [askCloud, setAskCloud] = useState(false);
  const canSend = text.trim() !== "" && !answering && !sending;
  const send = async () => {
    if (!canSend) return;
    if (needsCloudConsent()) return setAskCloud(true);
    const question = text.trim();
    // Cleared at once (the question shows in the chat); put back if sending fails.
    setText("");
    const sent = await useChatStore.getState().send(question);
    if (!sent) setText((current) => current || question);
    ref.current?.focus();
  };
  return (
    <form
      className="composer"
      aria-label="Write a message"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <label htmlFor="composer-input" className="sr-only">
        Message
      </label>
      <textarea
        id="composer-input"
        ref={ref}
        rows={1}
        value={text}
        maxLength={MAX_MESSAGE_CHARS}
        placeholder={placeholder}
        aria-describedby="composer-hint"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            void send();
          }
        }}
      />
      {answering ? (
        <button
          type="button"
          className="composer-button stop"
          onClick={() => void useChatStore.getState().stop()}
          {...shortcutHint("stop")}
        >
          <Icon name="stop" size={16} /> Stop
        </button>
      ) : (
        <button type="submit" className="composer-button send" disabled={!canSend} aria-label="Send message">
          <Icon name="send" size={18} />
        </button>
      )}
      <p id="composer-hint" className="composer-hint">
        Enter to send · Shift+Enter for a new line · {keyLabelWhileTyping("show-shortcuts")} for all shortcuts
      </p>
      {askCloud && (
        <ConfirmDialog
          title="Send this to the cloud?"
          body="This conversation is in Cloud mode now: your message goes to the cloud model as you wrote it, and is logged. Its earlier messages and your private context stay on this device. Tandem asks this once per conversation."
          confirmLabel="Send to the cloud"
          onCancel={() => {
            setAskCloud(false);
            ref.current?.focus();
          }}
          onConfirm={() => {
            const id = useChatStore.getState().conversation?.id;
            if (id) giveCloudConsent(id);
            setAskCloud(false);
            void send();
          }}
        />
      )}
    </form>
  );
}

/** The box says where the next message goes. */
const PLACEHOLDERS: Record<PrivacyMode, string> = {
  private: "Ask anything — it stays on this device",
  hybrid: "Ask anything — only a sanitized draft goes to the cloud",
  cloud: "Message the cloud model — sent as you write it, and logged",
  auto: "Ask anything — Tandem decides, per message, whether a sanitized draft may go to the cloud",
};

const OFFLINE_PLACEHOLDER = "Offline — this will be answered on this device";

/** Grows the textarea with its content up to a cap (CSS max-height), then it scrolls. */
function useAutoGrow(ref: RefObject<HTMLTextAreaElement | null>, text: string, placeholder: string): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      el.style.height = "auto";
      // An empty box is as tall as its placeholder, so a narrow window never clips it (issue #12).
      if (!text) el.value = placeholder;
      // scrollHeight leaves out the borders that a border-box height includes.
      el.style.height = `${el.scrollHeight + el.offsetHeight - el.clientHeight}px`;
      if (!text) el.value = "";
    };
    fit();
    // The box gets narrower without a window resize too (the sidebar opens): refit on width changes.
    let width = el.clientWidth;
    const observer = new ResizeObserver(() => {
      if (el.clientWidth === width) return;
      width = el.clientWidth;
      fit();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, text, placeholder]);
}
