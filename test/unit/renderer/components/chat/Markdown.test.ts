import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "../../../../../renderer/src/components/chat/Markdown";

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

describe("Markdown: letters and GitHub-style Markdown (issue 12)", () => {
  it("keeps a letter's single line breaks: address block, greeting and sign-off stay on their own lines", () => {
    const html = render(
      "Anna Berg\nLindenstraße 5\n10115 Berlin\n\nDear Mr. Smith,\n\nThe heating is broken.\n\nKind regards,\nAnna",
    );
    expect(html).toContain("<p>Anna Berg<br/>\nLindenstraße 5<br/>\n10115 Berlin</p>");
    expect(html).toContain("<p>Kind regards,<br/>\nAnna</p>");
  });

  it("renders tables, strikethrough and task lists", () => {
    const html = render(
      "| Day | Task |\n| --- | --- |\n| Mon | Gym |\n\n~~old plan~~\n\n- [x] call landlord\n- [ ] pay rent",
    );
    expect(html).toMatch(
      /<div class="md-table-scroll"><table>[\s\S]*<th>Day<\/th>[\s\S]*<td>Gym<\/td>[\s\S]*<\/table>/,
    );
    expect(html).toContain("<del>old plan</del>");
    expect(html).toMatch(
      /<li class="task-list-item"><input type="checkbox" disabled="" checked=""\/> call landlord<\/li>/,
    );
    expect(html).toMatch(/<input type="checkbox" disabled=""\/> pay rent/);
  });

  it("keeps line breaks out of code blocks (they are already kept there)", () => {
    expect(render("```\na\nb\n```")).not.toContain("<br/>");
  });
});
