import { useState } from "react";
import { Icon } from "./Icon";

/** What a chips list says: its legend, hint and the add field's label; `id` names the hint. */
export interface ChipTexts {
  id: string;
  legend: string;
  hint: string;
  addLabel: string;
}

const ALWAYS_PRIVATE: ChipTexts = {
  id: "terms",
  legend: "Always private",
  hint: "Words that must never reach the cloud, whatever the context: a project name, a nickname, an account number.",
  addLabel: "Add an always-private term",
};

/**
 * "Always private" terms (or another list of phrases) as removable chips. Enter or a comma adds what was typed; a pasted list
 * ("Acme, Project Falcon") becomes several chips.
 */
export function TermChips({
  terms,
  onChange,
  text = ALWAYS_PRIVATE,
}: {
  terms: string[];
  onChange(terms: string[]): void;
  text?: ChipTexts;
}) {
  const [input, setInput] = useState("");
  const add = () => {
    const fresh = input
      .split(",")
      .map((t) => t.trim())
      .filter((t) => t && !terms.includes(t));
    if (fresh.length > 0) onChange([...terms, ...fresh].slice(0, 500));
    setInput("");
  };
  return (
    <fieldset className="term-chips">
      <legend>{text.legend}</legend>
      <p className="field-hint" id={`${text.id}-hint`}>
        {text.hint}
      </p>
      {terms.length > 0 && (
        <ul className="chips">
          {terms.map((term) => (
            <li key={term} className="chip">
              {term}
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove “${term}”`}
                onClick={() => onChange(terms.filter((t) => t !== term))}
              >
                <Icon name="close" size={12} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field-row">
        <input
          type="text"
          aria-label={text.addLabel}
          aria-describedby={`${text.id}-hint`}
          value={input}
          maxLength={200}
          placeholder="Type a term and press Enter"
          onChange={(e) => setInput(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" || e.key === ",") {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="button" disabled={!input.trim()} onClick={add}>
          Add
        </button>
      </div>
    </fieldset>
  );
}
