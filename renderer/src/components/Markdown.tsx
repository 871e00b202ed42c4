import { memo } from "react";
import type { Components } from "react-markdown";
import ReactMarkdown from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import { CodeBlock } from "./CodeBlock";
import { isTooDeepForMarkdown } from "./isTooDeepForMarkdown";

/**
 * Model output as Markdown. Raw HTML is never interpreted: react-markdown turns it into text (so
 * a `<script>` in an answer shows as those characters). Images are shown as their address, not
 * loaded — an <img> pointing outside would be a request leaving the device.
 */
const components: Components = {
  pre: ({ node, children }) => <CodeBlock node={node}>{children}</CodeBlock>,
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ),
  img: ({ src, alt }) => (
    <span className="md-image">
      [image{alt ? `: ${alt}` : ""}
      {typeof src === "string" && src ? ` — ${src}` : ""}]
    </span>
  ),
};

const rehypePlugins = [[rehypeHighlight, { detect: false }]] as NonNullable<Parameters<typeof ReactMarkdown>[0]["rehypePlugins"]>;

export const Markdown = memo(function Markdown({ text }: { text: string }) {
  // Hostile nesting would overflow the parser's stack: shown as text (React escapes it).
  if (isTooDeepForMarkdown(text)) return <div className="markdown markdown-plain" style={{ whiteSpace: "pre-wrap" }}>{text}</div>;
  return (
    <div className="markdown">
      <ReactMarkdown components={components} rehypePlugins={rehypePlugins}>
        {text}
      </ReactMarkdown>
    </div>
  );
});
