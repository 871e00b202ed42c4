import type { ReactNode } from "react";
import { useEffect } from "react";
import { useCloudStore } from "../../stores/cloudStore";
import { useSettingsStore } from "../../stores/settingsStore";
import { useUiStore, type SettingsSection } from "../../stores/uiStore";
import { ActiveModelSettings } from "../models/ActiveModelSettings";
import { AlwaysLocalTopics } from "./AlwaysLocalTopics";
import { CloudSettings } from "./CloudSettings";
import { DownloadFromUrlForm } from "../models/DownloadFromUrlForm";
import { HardwarePanel } from "../models/HardwarePanel";
import { ImportModelForm } from "../models/ImportModelForm";
import { ModelCatalog } from "../models/ModelCatalog";
import { DataSettings } from "../data/DataSettings";
import { GenerationSettings } from "./GenerationSettings";
import { HybridStrategySetting } from "./HybridStrategySetting";
import { Icon } from "../common/Icon";
import { ModelList } from "../models/ModelList";
import { PrivacyLog } from "../privacyLog/PrivacyLog";
import { ProxySettings } from "../proxy/ProxySettings";
import { ThemeSetting } from "./ThemeSetting";
import { SidebarToggle } from "../layout/SidebarToggle";
import { ThoroughCheckSetting } from "./ThoroughCheckSetting";

export function SettingsPanel() {
  const settings = useSettingsStore((s) => s.settings);
  const info = useSettingsStore((s) => s.info);
  const cloud = useCloudStore((s) => s.status);
  useScrollToSection();
  return (
    <div className="settings-view">
      <header className="chat-header">
        <div className="header-title">
          <SidebarToggle show />
          <h1 className="chat-title">Settings</h1>
        </div>
        <button type="button" className="button ghost" onClick={() => useUiStore.getState().showView("chat")}>
          <Icon name="back" size={16} /> Back to chat
        </button>
      </header>
      <div className="settings-scroll">
        <Section id="models" title="Models">
          <ModelList />
          <ActiveModelSettings />
          <ImportModelForm />
          <DownloadFromUrlForm />
        </Section>
        <Section id="catalog" title="Recommended models">
          <p className="section-lead">Instruct models that suit private work, with whether each fits this computer.</p>
          <ModelCatalog />
        </Section>
        <Section id="hardware" title="This computer">
          <HardwarePanel />
        </Section>
        {settings && (
          <Section id="generation" title="Generation">
            <GenerationSettings settings={settings} />
          </Section>
        )}
        <Section id="cloud" title="Cloud">
          <p className="section-lead">
            Used by Auto, Hybrid and Cloud conversations only. Private conversations never contact it.
          </p>
          {cloud ? <CloudSettings status={cloud} /> : <p className="field-hint">Loading…</p>}
          {settings && <HybridStrategySetting strategy={settings.hybridStrategy} />}
        </Section>
        {settings && (
          <Section id="privacy" title="Privacy">
            <ThoroughCheckSetting on={settings.thoroughModelCheck} />
            <AlwaysLocalTopics topics={settings.alwaysLocalTopics} />
          </Section>
        )}
        <Section id="privacy-proxy" title="Privacy proxy">
          <p className="section-lead">
            Lets other apps on this computer (code editors, scripts, chat front-ends) use the cloud model through
            Tandem: it is an OpenAI-compatible endpoint on 127.0.0.1 that replaces private items before anything leaves
            and puts them back in the answer.
          </p>
          <ProxySettings />
        </Section>
        <Section id="privacy-log" title="Privacy log">
          <PrivacyLog />
        </Section>
        {settings && (
          <Section id="appearance" title="Appearance">
            <ThemeSetting theme={settings.theme} />
          </Section>
        )}
        <Section id="your-data" title="Your data">
          <DataSettings />
        </Section>
        {info && (
          <p className="settings-footnote">
            Tandem {info.version} · data in <code>{info.dataDir}</code>
          </p>
        )}
      </div>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="settings-section" aria-labelledby={`${id}-heading`}>
      {/* Focusable from script only: links from elsewhere ("Set up the cloud") land here. */}
      <h2 id={`${id}-heading`} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Brings the section another screen linked to into view and gives its heading focus. */
function useScrollToSection(): void {
  const section = useUiStore((s) => s.settingsSection);
  useEffect(() => {
    if (!section) return;
    const heading = document.getElementById(`${section satisfies SettingsSection}-heading`);
    heading?.scrollIntoView({ block: "start" });
    heading?.focus({ preventScroll: true });
    useUiStore.getState().clearSettingsSection();
  }, [section]);
}
