import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "../../../renderer/src/components/Markdown";

const render = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));

describe("Markdown (model output)", () => {
  it("shows raw HTML from the model as inert text, never as elements", () => {
    const html = render('Hello <script>alert("x")</script> and <img src=x onerror="alert(1)">');
    expect(html).not.toMatch(/<script|<img|onerror="/i);
    expect(html).toContain("&lt;script&gt;");
  });

  it("does not make javascript: links clickable", () => {
    expect(render("[click](javascript:alert(1))")).not.toContain("javascript:");
  });

  it("shows a Markdown image as its address instead of loading it", () => {
    const html = render("![tracker](https://example.com/pixel.png)");
    expect(html).not.toContain("<img");
    expect(html).toContain("[image: tracker — https://example.com/pixel.png]");
  });

  it("highlights fenced code with its language", () => {
    const html = render("```js\nconst answer = 42;\n```");
    expect(html).toContain('class="hljs language-js"');
    expect(html).toContain('<span class="hljs-keyword">const</span>');
    expect(html).toContain('<span class="code-language">js</span>');
  });

  it("opens links in a new window without telling the site where the user came from", () => {
    expect(render("[docs](https://example.com)")).toContain('rel="noopener noreferrer"');
  });
});
