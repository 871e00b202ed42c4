import type { EgressRecord } from "../../contract/types";
import type { GateResult, GatedSender } from "../../egress";
import type { CloudFinishReason, CloudProvider, CloudUsage, StreamChatResult } from "../../providers/cloud";

/** What left the device, as the gate recorded it before handing the request to the provider. */
export interface SentRecord {
  /** The exact JSON the gate checked, recorded and handed to the provider. */
  payload: string;
  bytes: number;
  endpoint: string;
  model: string;
  /** Private items the gate's re-scan found in the payload (0 unless sent unsanitized, Cloud mode). */
  leftDevice: number;
}

export interface CloudExchange {
  /** The cloud's answer as received (with placeholders); partial when aborted. */
  text: string;
  finishReason: CloudFinishReason;
  usage: CloudUsage | null;
  /** From the request to the first piece of text; null when none came. */
  firstTextMs: number | null;
  ms: number;
}

/** One pass through the gate with the request already bound: `(s) => gate.send(request, vault, s)`. */
export type GatePass = (doSend: GatedSender<StreamChatResult>) => Promise<GateResult<StreamChatResult>>;

export interface GateSendInput {
  provider: CloudProvider;
  pass: GatePass;
  signal: AbortSignal;
  onText(piece: string): void;
}

/**
 * The only way the pipeline talks to the cloud: through the egress gate (which re-scans, blocks
 * or audits, and refuses when offline) to the provider's stream. `onSent` gets the gate's audit
 * record as soon as the request is handed over — also when the call then fails — so the privacy
 * report always says what left. Throws the gate's or the provider's TandemError.
 */
export async function sendThroughGate(
  input: GateSendInput,
  onSent: (sent: SentRecord) => void,
): Promise<CloudExchange> {
  const started = performance.now();
  let firstTextMs: number | null = null;
  const onText = (piece: string) => {
    firstTextMs ??= Math.round(performance.now() - started);
    input.onText(piece);
  };
  const { result } = await input.pass((gated) => {
    onSent(sentRecord(gated.record));
    return input.provider.streamChat(gated, { signal: input.signal, onText });
  });
  return {
    text: result.text,
    finishReason: result.finishReason,
    usage: result.usage ?? null,
    firstTextMs,
    ms: Math.round(performance.now() - started),
  };
}

/** The report's view of an audit row; `leftDevice` counts what the re-scan found (types only in `check`). */
function sentRecord(record: EgressRecord): SentRecord {
  const check = JSON.parse(record.check) as { found?: Array<{ count?: number }> };
  const leftDevice = (check.found ?? []).reduce((n, f) => n + (f.count ?? 0), 0);
  return { payload: record.payload, bytes: record.bytes, endpoint: record.endpoint, model: record.model, leftDevice };
}
