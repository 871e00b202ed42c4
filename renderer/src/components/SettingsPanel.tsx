import { useSettingsStore } from "../stores/settingsStore";
import { useUiStore } from "../stores/uiStore";
import { AddModelForm } from "./AddModelForm";
import { GenerationSettings } from "./GenerationSettings";
import { Icon } from "./Icon";
import { ModelList } from "./ModelList";
import { ThemeSetting } from "./ThemeSetting";

export function SettingsPanel() {
  const settings = useSettingsStore((s) => s.settings);
  const info = useSettingsStore((s) => s.info);
  return (
    <div className="settings-view">
      <header className="chat-header">
        <h1 className="chat-title">Settings</h1>
        <button type="button" className="button ghost" onClick={() => useUiStore.getState().showView("chat")}>
          <Icon name="back" size={16} /> Back to chat
        </button>
      </header>
      <div className="settings-scroll">
        <section className="settings-section" aria-labelledby="models-heading">
          <h2 id="models-heading">Models</h2>
          <ModelList />
          <AddModelForm />
        </section>
        {settings && (
          <section className="settings-section" aria-labelledby="generation-heading">
            <h2 id="generation-heading">Generation</h2>
            <GenerationSettings settings={settings} />
          </section>
        )}
        {settings && (
          <section className="settings-section" aria-labelledby="appearance-heading">
            <h2 id="appearance-heading">Appearance</h2>
            <ThemeSetting theme={settings.theme} />
          </section>
        )}
        {info && (
          <p className="settings-footnote">
            Tandem {info.version} · data in <code>{info.dataDir}</code>
          </p>
        )}
      </div>
    </div>
  );
}
