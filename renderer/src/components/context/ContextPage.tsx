import { useUiStore } from "../../stores/uiStore";
import { AddNoteForm } from "./AddNoteForm";
import { ContextItems } from "./ContextItems";
import { Icon } from "../common/Icon";
import { ImportFileForm } from "./ImportFileForm";
import { ProfileForm } from "./ProfileForm";
import { SidebarToggle } from "../layout/SidebarToggle";

/** My context: the profile, notes and documents that only the local model ever reads. */
export function ContextPage() {
  return (
    <div className="settings-view">
      <header className="chat-header">
        <div className="header-title">
          <SidebarToggle show />
          <h1 className="chat-title">My context</h1>
        </div>
        <button type="button" className="button ghost" onClick={() => useUiStore.getState().showView("chat")}>
          <Icon name="back" size={16} /> Back to chat
        </button>
      </header>
      <div className="settings-scroll">
        <p className="page-lead">
          What you add here helps the model on this computer answer as someone who knows you. It stays on this device:
          in Hybrid mode the cloud only ever sees placeholders, and in Cloud mode none of it is sent.
        </p>
        <section className="settings-section" aria-labelledby="profile-heading">
          <h2 id="profile-heading">Profile</h2>
          <ProfileForm />
        </section>
        <section className="settings-section" aria-labelledby="items-heading">
          <h2 id="items-heading">Notes and documents</h2>
          <ContextItems />
          <div className="add-forms">
            <AddNoteForm />
            <ImportFileForm />
          </div>
        </section>
      </div>
    </div>
  );
}
