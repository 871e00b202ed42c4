import type { ShortcutHint } from "../../keyboard/shortcutHint";

interface SwitchProps {
  checked: boolean;
  /** The accessible name, e.g. "Offline mode" or a note's title. */
  label: string;
  onChange(checked: boolean): void;
  disabled?: boolean;
  describedBy?: string;
  /** Show the label next to the switch (default: screen readers only). */
  showLabel?: boolean;
  /** Its keyboard shortcut, if any (tooltip and aria-keyshortcuts). */
  hint?: ShortcutHint;
}

/** An on/off switch (role="switch"): Space or Enter toggles, like a checkbox that says "on"/"off". */
export function Switch({
  checked,
  label,
  onChange,
  disabled = false,
  describedBy,
  showLabel = false,
  hint,
}: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      className={`switch${checked ? " on" : ""}`}
      aria-checked={checked}
      aria-label={showLabel ? undefined : label}
      aria-describedby={describedBy}
      disabled={disabled}
      onClick={() => onChange(!checked)}
      {...hint}
    >
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      {showLabel && <span className="switch-label">{label}</span>}
    </button>
  );
}
