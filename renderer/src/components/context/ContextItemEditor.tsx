import { useEffect, useState } from "react";
import type { ErrorData } from "../../../../app/contract/errors";
import type { ContextItemDetail } from "../../../../app/contract/types";
import { useContextStore } from "../../stores/contextStore";
import { ErrorMessage } from "../common/ErrorMessage";

/** Shows an item's full text (fetched on open); "Edit" turns it into a form for title and text. */
export function ContextItemEditor({ id, itemId }: { id: string; itemId: string }) {
  const [item, setItem] = useState<ContextItemDetail | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    let current = true;
    void useContextStore
      .getState()
      .get(itemId)
      .then((result) => {
        if (!current) return;
        if (result.ok) setItem(result.value);
        else setError(result.error);
      });
    return () => {
      current = false;
    };
  }, [itemId]);
  if (error && !item) return <ErrorMessage error={error} id={id} />;
  if (!item)
    return (
      <p className="field-hint" id={id}>
        Loading…
      </p>
    );
  if (!editing) {
    return (
      <div className="context-view" id={id}>
        <pre className="context-text" tabIndex={0} role="region" aria-label={`Text of “${item.title}”`}>
          {item.text}
        </pre>
        <button type="button" className="button" onClick={() => setEditing(true)}>
          Edit
        </button>
      </div>
    );
  }
  const done = (saved: ContextItemDetail | null) => {
    if (saved) setItem(saved);
    setEditing(false);
  };
  return <EditForm id={id} item={item} onDone={done} />;
}

function EditForm({
  id,
  item,
  onDone,
}: {
  id: string;
  item: ContextItemDetail;
  onDone(saved: ContextItemDetail | null): void;
}) {
  const [title, setTitle] = useState(item.title);
  const [text, setText] = useState(item.text);
  const [error, setError] = useState<ErrorData | null>(null);
  const save = async () => {
    const result = await useContextStore.getState().update({ id: item.id, title: title.trim() || undefined, text });
    if (!result.ok) return setError(result.error);
    onDone({ ...item, ...result.value, text });
  };
  return (
    <form
      className="settings-form wide context-edit"
      id={id}
      aria-label={`Edit “${item.title}”`}
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) void save();
      }}
    >
      <label htmlFor={`${id}-title`}>Title</label>
      <input id={`${id}-title`} type="text" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
      <label htmlFor={`${id}-text`}>Text</label>
      <textarea id={`${id}-text`} rows={10} value={text} onChange={(e) => setText(e.target.value)} />
      {error && <ErrorMessage error={error} />}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={!text.trim()}>
          Save changes
        </button>
        <button type="button" className="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
