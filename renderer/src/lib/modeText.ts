import type { HybridStrategy, PrivacyMode } from "../../../app/contract/types";

/** The short names on the mode switch. */
export const MODE_LABELS: Record<PrivacyMode, string> = {
  private: "Private",
  hybrid: "Hybrid",
  cloud: "Cloud",
  auto: "Auto",
};

/** One line saying where a conversation's words go, shown next to the switch at all times. */
/** While Offline mode is on, what Hybrid and Cloud actually do (issue #12: words agree with behaviour). */
export const OFFLINE_MODE_DESCRIPTION = "Offline: answered on this device with a notice; nothing is sent";
/** Auto answers on the device when offline as one of its ordinary routes: no notice (issue #16). */
export const OFFLINE_AUTO_DESCRIPTION = "Offline: answered on this device; nothing is sent";

export const MODE_DESCRIPTIONS: Record<PrivacyMode, string> = {
  private: "Private — nothing leaves this device",
  hybrid: "Hybrid — a cloud model polishes a sanitized draft; private details stay here",
  cloud: "Cloud — plain cloud chat; your private context is not sent, and every request is logged",
  auto: "Auto — each message is answered on this device or polished by the cloud, whichever is safe",
};

export const STRATEGY_LABELS: Record<HybridStrategy, string> = {
  "sketch-refine": "Sketch → refine",
  "cloud-outline": "Cloud outline → local write",
};

export const STRATEGY_DESCRIPTIONS: Record<HybridStrategy, string> = {
  "sketch-refine": "The local model drafts with your private context; the cloud polishes the sanitized draft.",
  "cloud-outline":
    "The cloud outlines from your sanitized question only; the local model writes the answer with your context.",
};
