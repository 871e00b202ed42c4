import { splitHighlights } from "../../lib/splitHighlights";

/** A search snippet with its matches in <mark>; rendered as text nodes, never as HTML. */
export function HighlightedText({ snippet }: { snippet: string }) {
  return (
    <>
      {splitHighlights(snippet).map((part, i) =>
        part.highlighted ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </>
  );
}
