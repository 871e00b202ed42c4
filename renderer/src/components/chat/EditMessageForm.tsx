import { useState } from "react";
import { useChatStore } from "../../stores/chatStore";

/** Edits the last user message in place; saving drops the answer after it and asks again. */
export function EditMessageForm({ initial, onDone }: { initial: string; onDone(): void }) {
  const [text, setText] = useState(initial);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const trimmed = text.trim();
    if (!trimmed) return;
    setSaving(true);
    const ok = await useChatStore.getState().editLast(trimmed);
    setSaving(false);
    if (ok) onDone();
  };
  return (
    <form
      className="edit-form"
      aria-label="Edit your message"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <textarea
        aria-label="Edited message"
        value={text}
        autoFocus
        rows={Math.min(10, Math.max(2, text.split("\n").length))}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            void save();
          } else if (e.key === "Escape") onDone();
        }}
      />
      <div className="edit-actions">
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={saving || !text.trim()}>
          Save and resend
        </button>
      </div>
    </form>
  );
}
