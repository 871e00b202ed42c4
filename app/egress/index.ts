export {
  EgressGate,
  type CheckResult,
  type EgressGateDeps,
  type EgressPolicy,
  type GateResult,
  type GatedSender,
  type RefusalReason,
} from "./EgressGate";
export type { GatedRequest } from "./GatedRequest";
export type {
  AppMessage,
  OutboundMessage,
  OutboundRequest,
  OutboundRequestOf,
  PlainMessage,
  SanitizedMessage,
  UnsanitizedRequest,
} from "./OutboundRequest";
export { AuditLog, type AuditRecord } from "./AuditLog";
export { isAppText, type AppText } from "./appTexts";
