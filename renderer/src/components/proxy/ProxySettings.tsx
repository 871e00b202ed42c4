import { useEffect, useState } from "react";
import type { ErrorData } from "../../../../app/contract/errors";
import type { ProxyStatus } from "../../../../app/contract/types";
import { useProxyStore } from "../../stores/proxyStore";
import { CopyButton } from "../common/CopyButton";
import { ErrorMessage } from "../common/ErrorMessage";
import { ProxyClients } from "./ProxyClients";
import { Switch } from "../common/Switch";

const POLICIES: Array<{ value: ProxyStatus["policy"]; label: string }> = [
  { value: "sanitize", label: "Replace private items by placeholders (recommended)" },
  { value: "block", label: "Refuse requests that contain private items" },
  { value: "local", label: "Answer with the local model (nothing leaves)" },
  { value: "auto", label: "Decide per request, as Auto mode does (health, money, ids: local model)" },
];

/**
 * Settings → Privacy proxy (issue #13): other apps on this computer use Tandem as their
 * OpenAI-compatible endpoint. Off by default; the token is shown here because apps need it.
 */
export function ProxySettings() {
  const status = useProxyStore((s) => s.status);
  useEffect(() => void useProxyStore.getState().load(), []);
  if (!status) return <p className="field-hint">Loading…</p>;
  return (
    <div className="proxy-settings">
      <Switch
        checked={status.enabled}
        label="Run the privacy proxy"
        showLabel
        describedBy="proxy-state"
        onChange={(on) => void useProxyStore.getState().configure({ enabled: on })}
      />
      <p id="proxy-state" className="field-hint" role="status">
        {status.running && status.url ? `Running at ${status.url}` : (status.problem ?? "Off: no app can reach it.")}
      </p>
      {status.running && status.url && <ConnectionDetails url={status.url} token={status.token} />}
      <ProxyForm key={`${status.port}|${status.baseUrl}|${status.model}|${status.policy}`} status={status} />
      <ProxyClients clients={status.clients} />
    </div>
  );
}

function ConnectionDetails({ url, token }: { url: string; token: string }) {
  return (
    <dl className="proxy-connection">
      <dt>Base URL</dt>
      <dd>
        <code>{url}</code> <CopyButton text={url} label="Copy the base URL" />
      </dd>
      <dt>API key (token)</dt>
      <dd>
        <code>{token}</code> <CopyButton text={token} label="Copy the token" />
      </dd>
    </dl>
  );
}

function ProxyForm({ status }: { status: ProxyStatus }) {
  const [port, setPort] = useState(String(status.port));
  const [baseUrl, setBaseUrl] = useState(status.baseUrl ?? "");
  const [model, setModel] = useState(status.model ?? "");
  const [policy, setPolicy] = useState(status.policy);
  const [error, setError] = useState<ErrorData | null>(null);
  const save = async () => {
    const portNumber = Number(port);
    if (!Number.isInteger(portNumber) || portNumber < 1024 || portNumber > 65535)
      return setError({ code: "invalid_request", message: "Choose a port from 1024 to 65535." });
    const result = await useProxyStore
      .getState()
      .configure({ port: portNumber, baseUrl: baseUrl.trim() || null, model: model.trim() || null, policy });
    setError(result.ok ? null : result.error);
  };
  return (
    <form className="settings-form wide" aria-label="Privacy proxy" onSubmit={(e) => (e.preventDefault(), void save())}>
      <label htmlFor="proxy-port">Port (on 127.0.0.1)</label>
      <input
        id="proxy-port"
        type="number"
        min={1024}
        max={65535}
        value={port}
        onChange={(e) => setPort(e.target.value)}
      />
      <label htmlFor="proxy-base-url">Forward to endpoint</label>
      <input
        id="proxy-base-url"
        type="url"
        value={baseUrl}
        placeholder="The one in Settings → Cloud"
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setBaseUrl(e.target.value)}
      />
      <label htmlFor="proxy-model">Forward to model</label>
      <input
        id="proxy-model"
        type="text"
        value={model}
        placeholder="The one in Settings → Cloud"
        autoComplete="off"
        spellCheck={false}
        aria-describedby="proxy-target"
        onChange={(e) => setModel(e.target.value)}
      />
      <p id="proxy-target" className="field-hint">
        {status.forwardsTo
          ? `Requests go to ${status.forwardsTo.model} at ${status.forwardsTo.baseUrl}, with the API key of Settings → Cloud.`
          : "No cloud endpoint and model yet: set them here or in Settings → Cloud."}
      </p>
      <label htmlFor="proxy-policy">Private items</label>
      <select id="proxy-policy" value={policy} onChange={(e) => setPolicy(e.target.value as ProxyStatus["policy"])}>
        {POLICIES.map((p) => (
          <option key={p.value} value={p.value}>
            {p.label}
          </option>
        ))}
      </select>
      {error && <ErrorMessage error={error} />}
      <div className="form-actions">
        <button type="submit" className="button primary">
          Save
        </button>
      </div>
    </form>
  );
}
