import { useEffect, useState } from "react";
import type { ShortcutHint } from "../../keyboard/shortcutHint";
import { Icon } from "./Icon";

/** Copies `text` to the clipboard and says so for two seconds. `hint`: its keyboard shortcut, if any. */
export function CopyButton({ text, label, hint }: { text: string; label: string; hint?: ShortcutHint }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      // Clipboard refused (no permission / insecure context): leave the button as it was.
    }
  };
  return (
    <button
      type="button"
      className="text-button"
      aria-label={copied ? "Copied" : label}
      onClick={() => void copy()}
      {...hint}
    >
      <Icon name={copied ? "check" : "copy"} size={14} />
      {copied ? "Copied" : "Copy"}
    </button>
  );
}
