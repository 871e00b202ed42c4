import { useEffect } from "react";
import { useContextStore } from "../../stores/contextStore";
import { ContextItemRow } from "./ContextItemRow";

/** Every note and document, most recently changed first. */
export function ContextItems() {
  const items = useContextStore((s) => s.items);
  const loaded = useContextStore((s) => s.loaded);
  useEffect(() => void useContextStore.getState().load(), []);
  if (!loaded) return <p className="field-hint">Loading…</p>;
  if (items.length === 0) return <p className="field-hint">No notes or documents yet. Add one below.</p>;
  return (
    <ul className="context-list" aria-label="Notes and documents">
      {items.map((item) => (
        <ContextItemRow key={item.id} item={item} />
      ))}
    </ul>
  );
}
