import { AuditLog } from "../../egress";
import type { PrivacyMode } from "../../contract/types";
import type { HybridDeps, RunDeps } from "./AnswerRun";
import { ConversationVaults } from "./ConversationVaults";

/** The long-lived parts an answerer keeps across answers (prepared statements, the vault memo). */
export function runDeps(deps: Omit<HybridDeps, "contextTerms">, mode: Exclude<PrivacyMode, "private">): RunDeps {
  return {
    gate: deps.gate,
    audit: new AuditLog(deps.db),
    vaults: new ConversationVaults(deps.db),
    cloud: deps.cloud,
    settings: deps.settings,
    context: deps.context,
    logger: deps.logger.child(mode),
  };
}
