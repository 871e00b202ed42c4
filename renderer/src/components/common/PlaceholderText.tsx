import { splitPlaceholders } from "../../lib/splitPlaceholders";

/** Text with the sanitizer's placeholders ([PERSON_1]) marked; text nodes only, never HTML. */
export function PlaceholderText({ text }: { text: string }) {
  return (
    <>
      {splitPlaceholders(text).map((part, i) =>
        part.placeholder ? (
          <mark key={i} className="placeholder">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}
