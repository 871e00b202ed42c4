import type { ReactNode } from "react";
import type { ExtraProps } from "react-markdown";
import { CopyButton } from "../common/CopyButton";

type Element = NonNullable<ExtraProps["node"]>;
type ElementContent = Element["children"][number];

/** A fenced code block with its language and a Copy button. */
export function CodeBlock({ node, children }: { node?: Element; children?: ReactNode }) {
  const text = node ? textOf(node).replace(/\n$/, "") : "";
  const language = node ? languageOf(node) : null;
  return (
    <div className="code-block">
      <div className="code-block-bar">
        <span className="code-language">{language ?? "text"}</span>
        <CopyButton text={text} label="Copy code" />
      </div>
      <pre>{children}</pre>
    </div>
  );
}

function textOf(node: Element | ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") return node.children.map(textOf).join("");
  return "";
}

function languageOf(pre: Element): string | null {
  const code = pre.children.find((c): c is Element => c.type === "element" && c.tagName === "code");
  const classes = code?.properties.className;
  const list = Array.isArray(classes) ? classes.map(String) : [];
  const language = list.find((c) => c.startsWith("language-"));
  return language ? language.slice("language-".length) : null;
}
