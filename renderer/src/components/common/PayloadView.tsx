import { prettyPayload } from "../../lib/prettyPayload";
import { showLineBreaks } from "../../lib/showLineBreaks";
import { CopyButton } from "./CopyButton";
import { PlaceholderText } from "./PlaceholderText";

/** The exact JSON that left the device, indented, with placeholders highlighted. */
export function PayloadView({ payload, label }: { payload: string; label: string }) {
  const pretty = prettyPayload(payload);
  return (
    <div className="payload">
      <div className="code-block-bar">
        <span className="code-language">json</span>
        <CopyButton text={pretty} label="Copy payload" />
      </div>
      {/* Focusable so keyboard users can scroll a long payload. */}
      <pre tabIndex={0} role="region" aria-label={label}>
        <PlaceholderText text={showLineBreaks(pretty)} />
      </pre>
    </div>
  );
}
