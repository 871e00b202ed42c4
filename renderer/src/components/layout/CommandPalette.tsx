import type { KeyboardEvent } from "react";
import { useEffect, useMemo, useState } from "react";
import { useKeyboardStore } from "../../keyboard/keyboardStore";
import { paletteEntries, type PaletteEntry } from "../../keyboard/paletteEntries";
import { useConversationsStore } from "../../stores/conversationsStore";
import { KeyLabels } from "./KeyLabels";
import { useModalDialog } from "../common/useModalDialog";

const LIST_ID = "palette-options";
const optionId = (entry: PaletteEntry) => `palette-option-${entry.key}`;

/**
 * Ctrl/Cmd+K: every action of the shortcut table and "open conversation" by title, filtered as
 * the user types (letters in order). ARIA combobox: the focus stays in the field, arrows move
 * the active option (aria-activedescendant), Enter runs it, Escape closes; the focus then
 * returns where it was, unless the action moves it on purpose.
 */
export function CommandPalette() {
  const ref = useModalDialog();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const conversations = useConversationsStore((s) => s.items);
  const entries = useMemo(() => paletteEntries(query, conversations), [query, conversations]);
  const current = entries[Math.min(active, entries.length - 1)];
  useEffect(() => {
    if (current) document.getElementById(optionId(current))?.scrollIntoView({ block: "nearest" });
  }, [current]);
  const run = (entry: PaletteEntry) => {
    useKeyboardStore.getState().close();
    // After the palette is gone and the focus is back, so an action may move it (search, composer).
    requestAnimationFrame(() => void entry.run());
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const step = e.key === "ArrowDown" ? 1 : e.key === "ArrowUp" ? -1 : 0;
    if (step !== 0 && entries.length > 0) {
      e.preventDefault();
      setActive((i) => (Math.min(i, entries.length - 1) + step + entries.length) % entries.length);
    } else if (e.key === "Enter" && current) {
      e.preventDefault();
      run(current);
    }
  };
  return (
    <dialog
      ref={ref}
      className="palette"
      aria-label="Command palette"
      onCancel={(e) => {
        e.preventDefault();
        useKeyboardStore.getState().close();
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget) useKeyboardStore.getState().close(); // The backdrop.
      }}
    >
      <input
        className="palette-input"
        type="text"
        role="combobox"
        aria-label="Command or conversation"
        aria-expanded={entries.length > 0}
        aria-controls={entries.length > 0 ? LIST_ID : undefined}
        aria-activedescendant={current ? optionId(current) : undefined}
        aria-autocomplete="list"
        placeholder="Type a command or a conversation title"
        autoComplete="off"
        spellCheck={false}
        data-autofocus
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {entries.length > 0 ? (
        <ul id={LIST_ID} className="palette-list" role="listbox" aria-label="Commands and conversations">
          {entries.map((entry) => (
            <li
              key={entry.key}
              id={optionId(entry)}
              role="option"
              aria-selected={entry === current}
              className={`palette-option${entry === current ? " active" : ""}`}
              onMouseMove={() => setActive(entries.indexOf(entry))}
              onClick={() => run(entry)}
            >
              <span className="palette-label">{entry.label}</span>
              {entry.detail && <span className="palette-detail">{entry.detail}</span>}
              {entry.keys.length > 0 && <KeyLabels labels={entry.keys} />}
            </li>
          ))}
        </ul>
      ) : (
        <p className="palette-empty" role="status">
          Nothing matches “{query.trim()}”.
        </p>
      )}
    </dialog>
  );
}
