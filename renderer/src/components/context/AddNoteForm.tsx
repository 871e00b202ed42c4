import { useState } from "react";
import type { ErrorData } from "../../../../app/contract/errors";
import { useContextStore } from "../../stores/contextStore";
import { ErrorMessage } from "../common/ErrorMessage";
import { ScopeSelect } from "./ScopeSelect";

/** Adds a pasted note (title + text), for every conversation or one. */
export function AddNoteForm() {
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [scope, setScope] = useState("");
  const [error, setError] = useState<ErrorData | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setAdded(null);
    const result = await useContextStore
      .getState()
      .addText({ title: title.trim() || undefined, text, conversationId: scope || undefined });
    setBusy(false);
    setError(result.ok ? null : result.error);
    if (!result.ok) return;
    setAdded(result.value.title);
    setTitle("");
    setText("");
  };
  return (
    <form
      className="settings-form wide add-form"
      aria-label="Add a note"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) void submit();
      }}
    >
      <h3>Add a note</h3>
      <label htmlFor="note-title">Title</label>
      <input
        id="note-title"
        type="text"
        value={title}
        maxLength={200}
        placeholder="Optional — taken from the text if empty"
        onChange={(e) => setTitle(e.target.value)}
      />
      <label htmlFor="note-text">Text</label>
      <textarea
        id="note-text"
        rows={5}
        value={text}
        placeholder="Paste or type anything the model should know"
        onChange={(e) => setText(e.target.value)}
      />
      <ScopeSelect id="note-scope" value={scope} onChange={setScope} />
      {error && <ErrorMessage error={error} />}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy || !text.trim()}>
          Add note
        </button>
        <span className="field-hint" role="status">
          {added ? `Added “${added}”.` : ""}
        </span>
      </div>
    </form>
  );
}
