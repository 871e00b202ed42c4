import { memo } from "react";
import type { Components } from "react-markdown";
import ReactMarkdown from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import remarkBreaks from "remark-breaks";
import remarkGfm from "remark-gfm";
import { CodeBlock } from "./CodeBlock";
import { isTooDeepForMarkdown } from "./isTooDeepForMarkdown";

/**
 * Model output as Markdown. Raw HTML is never interpreted: react-markdown turns it into text (so
 * a `<script>` in an answer shows as those characters). Images are shown as their address, not
 * loaded — an <img> pointing outside would be a request leaving the device. GitHub-style tables,
 * strikethrough and task lists render (remark-gfm), and a single newline is a line break
 * (remark-breaks): a letter's address block and sign-off keep their lines (issue 12).
 */
const components: Components = {
  pre: ({ node, children }) => <CodeBlock node={node}>{children}</CodeBlock>,
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ),
  // A wide table scrolls sideways instead of pushing the conversation wider than the window.
  table: ({ children }) => (
    <div className="md-table-scroll">
      <table>{children}</table>
    </div>
  ),
  img: ({ src, alt }) => (
    <span className="md-image">
      [image{alt ? `: ${alt}` : ""}
      {typeof src === "string" && src ? ` — ${src}` : ""}]
    </span>
  ),
};

const remarkPlugins = [remarkGfm, remarkBreaks];
const rehypePlugins = [[rehypeHighlight, { detect: false }]] as NonNullable<
  Parameters<typeof ReactMarkdown>[0]["rehypePlugins"]
>;

export const Markdown = memo(function Markdown({ text }: { text: string }) {
  // Hostile nesting would overflow the parser's stack: shown as text (React escapes it).
  if (isTooDeepForMarkdown(text))
    return (
      <div className="markdown markdown-plain" style={{ whiteSpace: "pre-wrap" }}>
        {text}
      </div>
    );
  return (
    <div className="markdown">
      <ReactMarkdown components={components} remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins}>
        {text}
      </ReactMarkdown>
    </div>
  );
});
