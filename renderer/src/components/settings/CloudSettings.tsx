import { useState } from "react";
import type { ErrorData } from "../../../../app/contract/errors";
import type { CloudStatus } from "../../../../app/contract/types";
import { useCloudStore } from "../../stores/cloudStore";
import { ApiKeyStatus } from "./ApiKeyStatus";
import { ConnectionTestButton } from "./ConnectionTestButton";
import { ErrorMessage } from "../common/ErrorMessage";

/**
 * Settings → Cloud: an OpenAI-compatible endpoint, its model and API key. The key is write-only:
 * it is never shown again, only where it is kept.
 */
export function CloudSettings({ status }: { status: CloudStatus }) {
  const [baseUrl, setBaseUrl] = useState(status.baseUrl ?? "");
  const [model, setModel] = useState(status.model ?? "");
  const [apiKey, setApiKey] = useState("");
  const [error, setError] = useState<ErrorData | null>(null);
  const [saved, setSaved] = useState(false);
  const dirty =
    baseUrl.trim() !== (status.baseUrl ?? "") || model.trim() !== (status.model ?? "") || apiKey.trim() !== "";
  const save = async (): Promise<boolean> => {
    setSaved(false);
    const invalid = checkUrl(baseUrl.trim());
    if (invalid) return fail(setError, invalid);
    const key = apiKey.trim();
    const result = await useCloudStore
      .getState()
      .configure({ baseUrl: baseUrl.trim() || null, model: model.trim() || null, ...(key ? { apiKey: key } : {}) });
    if (!result.ok) return fail(setError, result.error.message, result.error.code);
    setError(null);
    setApiKey("");
    setSaved(true);
    return true;
  };
  return (
    <form
      className="settings-form wide"
      aria-label="Cloud model"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor="cloud-base-url">Endpoint URL</label>
      <input
        id="cloud-base-url"
        type="url"
        value={baseUrl}
        placeholder="https://api.openai.com/v1"
        autoComplete="off"
        spellCheck={false}
        aria-describedby="cloud-url-hint"
        onChange={(e) => setBaseUrl(e.target.value)}
      />
      <p id="cloud-url-hint" className="field-hint">
        Any OpenAI-compatible API: OpenAI, OpenRouter, Groq, or your own vLLM, llama.cpp or Ollama server.
      </p>
      <label htmlFor="cloud-model">Model</label>
      <input
        id="cloud-model"
        type="text"
        value={model}
        placeholder="gpt-4o-mini"
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setModel(e.target.value)}
      />
      <label htmlFor="cloud-api-key">API key</label>
      <input
        id="cloud-api-key"
        type="password"
        value={apiKey}
        placeholder={status.hasKey ? "Saved — type a new key to replace it" : "sk-…"}
        autoComplete="new-password"
        spellCheck={false}
        aria-describedby="cloud-key-status"
        onChange={(e) => setApiKey(e.target.value)}
      />
      <ApiKeyStatus status={status} />
      {error && <ErrorMessage error={error} />}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={!dirty}>
          Save
        </button>
        <ConnectionTestButton beforeTest={dirty ? save : undefined} />
        <span className="field-hint" role="status">
          {saved && !dirty ? "Saved." : ""}
        </span>
      </div>
    </form>
  );
}

/** An empty URL is allowed (it turns the cloud off); anything else must be a full http(s) address. */
function checkUrl(url: string): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol === "http:" || parsed.protocol === "https:") return null;
  } catch {
    // Not a URL at all: same advice.
  }
  return "Enter the full address, starting with http:// or https:// — for example https://api.openai.com/v1.";
}

function fail(
  setError: (e: ErrorData) => void,
  message: string,
  code: ErrorData["code"] = "cloud_not_configured",
): false {
  setError({ code, message });
  return false;
}
