import { useState } from "react";

interface RenameInputProps {
  initial: string;
  onSave(title: string): void;
  onCancel(): void;
}

/** Inline title editor: Enter or leaving the field saves, Escape cancels. */
export function RenameInput({ initial, onSave, onCancel }: RenameInputProps) {
  const [value, setValue] = useState(initial);
  const commit = () => {
    const title = value.trim();
    if (title && title !== initial) onSave(title);
    else onCancel();
  };
  return (
    <input
      className="rename-input"
      aria-label="Conversation title"
      value={value}
      maxLength={200}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setValue(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          commit();
        } else if (e.key === "Escape") {
          e.preventDefault();
          onCancel();
        }
      }}
    />
  );
}
