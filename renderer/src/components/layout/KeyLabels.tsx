import { Fragment } from "react";

/** Key combinations as <kbd>: "Ctrl+Shift+O or Alt+N". */
export function KeyLabels({ labels }: { labels: readonly string[] }) {
  return (
    <span className="key-labels">
      {labels.map((label, i) => (
        <Fragment key={label}>
          {i > 0 && <span className="key-or"> or </span>}
          <kbd>{label}</kbd>
        </Fragment>
      ))}
    </span>
  );
}
