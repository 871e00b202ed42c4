import { detectHost, detectPlatform } from "../../keyboard/environment";
import { formatBinding } from "../../keyboard/keyBinding";
import { useKeyboardStore } from "../../keyboard/keyboardStore";
import { keyLabels } from "../../keyboard/shortcutHint";
import { SHORTCUTS } from "../../keyboard/shortcuts";
import { Icon } from "../common/Icon";
import { KeyLabels } from "./KeyLabels";
import { useModalDialog } from "../common/useModalDialog";

/** The help overlay (`?`): every shortcut that works here, from the one action table. */
export function ShortcutHelp() {
  const ref = useModalDialog();
  const close = () => useKeyboardStore.getState().close();
  const rows = SHORTCUTS.map((action) => ({ action, labels: keyLabels(action.id) })).filter(
    (row) => row.labels.length > 0,
  );
  return (
    <dialog
      ref={ref}
      className="dialog shortcut-help"
      aria-labelledby="shortcut-help-title"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <div className="overlay-head">
        <h2 id="shortcut-help-title">Keyboard shortcuts</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close keyboard shortcuts"
          onClick={close}
          data-autofocus
        >
          <Icon name="close" size={16} />
        </button>
      </div>
      <table className="shortcut-table">
        <thead className="sr-only">
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Keys</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ action, labels }) => (
            <tr key={action.id}>
              <th scope="row">{action.label}</th>
              <td>
                <KeyLabels labels={labels} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <HostNote />
    </dialog>
  );
}

/** Why Ctrl+N and Ctrl+F are missing in a browser tab. */
function HostNote() {
  if (detectHost() !== "browser") return null;
  const platform = detectPlatform();
  const [newWindow, find] = [
    { key: "n", mod: true },
    { key: "f", mod: true },
  ].map((b) => formatBinding(b, platform));
  return (
    <p className="field-hint">
      In a browser tab, {newWindow} opens a new browser window and {find} finds text on the page; the desktop app takes
      them for a new conversation and search.
    </p>
  );
}
