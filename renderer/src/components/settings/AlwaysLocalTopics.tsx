import { useSettingsStore } from "../../stores/settingsStore";
import { TermChips, type ChipTexts } from "../common/TermChips";

const TEXT: ChipTexts = {
  id: "always-local",
  legend: "Always answer on this device",
  hint: "Auto mode answers messages about these topics on this computer only, e.g. “my health”, “my divorce”. A topic matches its words in any form (“divorce” also matches “divorced”).",
  addLabel: "Add an always-local topic",
};

/** Settings → Privacy: the topics Auto mode never sends the cloud's way (issue #16). */
export function AlwaysLocalTopics({ topics }: { topics: string[] }) {
  return (
    <TermChips
      terms={topics}
      text={TEXT}
      onChange={(next) => void useSettingsStore.getState().update({ alwaysLocalTopics: next.slice(0, 100) })}
    />
  );
}
