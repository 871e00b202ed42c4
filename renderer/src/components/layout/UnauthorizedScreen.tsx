import { UNAUTHORIZED_TEXT } from "../../api/httpCall";
import { Logo } from "../common/Logo";

/** The browser host refused our token (or we have none): only the printed link can fix that. */
export function UnauthorizedScreen() {
  return (
    <main className="setup-screen">
      <div className="setup-card" role="alert">
        <Logo size={40} />
        <h1>Open Tandem from its link</h1>
        <p className="setup-lead">{UNAUTHORIZED_TEXT}</p>
        <p className="field-hint">Each start of Tandem prints a new link; older links stop working when it restarts.</p>
      </div>
    </main>
  );
}
