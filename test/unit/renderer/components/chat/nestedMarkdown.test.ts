import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "../../../../../renderer/src/components/chat/Markdown";
import { MAX_NESTING } from "../../../../../renderer/src/components/chat/isTooDeepForMarkdown";

const render = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));

/** Renders and times it: before the depth guard, these overflowed the stack (or took over a minute). */
function timed(text: string): { ms: number; html: string } {
  const started = performance.now();
  const html = render(text);
  return { ms: performance.now() - started, html };
}

const HOSTILE: Record<string, string> = {
  "10,000 nested block quotes": ">".repeat(10_000) + " deepest words",
  "10,000 nested list items": "- ".repeat(10_000) + "deepest words",
  "10,000 nested ordered lists": "1. ".repeat(10_000) + "deepest words",
  "10,000 nested emphasis markers": "*".repeat(10_000) + "deepest words" + "*".repeat(10_000),
  "10,000 nested link brackets": "[".repeat(10_000) + "deepest words" + "](u)".repeat(10_000),
  "10,000 lines of growing indentation":
    Array.from({ length: 2_000 }, (_, i) => " ".repeat(i * 2) + "- level").join("\n") + "\ndeepest words",
};

describe("Markdown nested far too deep (hostile model output)", () => {
  it.each(Object.entries(HOSTILE))("shows %s as plain text, quickly and without a stack overflow", (_name, text) => {
    const { ms, html } = timed(text);
    expect(html).toContain("deepest words");
    expect(html).toContain("markdown-plain");
    expect(ms).toBeLessThan(1_000);
  });

  it("keeps rendering ordinary nesting as Markdown", () => {
    const html = render("> quoted\n>> twice\n\n- a\n  - b\n    - c\n\n**bold** and *em*");
    expect(html).not.toContain("markdown-plain");
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<strong>bold</strong>");
  });

  it("still renders Markdown just below the limit", () => {
    const html = render(">".repeat(MAX_NESTING - 1) + " near the limit");
    expect(html).not.toContain("markdown-plain");
    expect(html.match(/<blockquote>/g)).toHaveLength(MAX_NESTING - 1);
  });

  it("escapes HTML in the plain-text fallback too", () => {
    const html = render("- ".repeat(MAX_NESTING) + '<img src=x onerror="alert(1)"><script>alert(1)</script>');
    expect(html).toContain("markdown-plain");
    expect(html).not.toMatch(/<img|<script/i);
  });
});
