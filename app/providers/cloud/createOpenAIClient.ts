import OpenAI from "openai";
import { CloudError } from "./CloudError";
import type { CloudSettings } from "./types";

/** Default for `CloudSettings.timeoutMs`. */
export const DEFAULT_CLOUD_TIMEOUT_MS = 60_000;

/**
 * Headers the SDK adds on its own that describe this machine (OS, CPU, runtime versions). A
 * privacy tool has no reason to send them; `null` makes the SDK drop a header.
 */
const DROPPED_HEADERS = {
  "X-Stainless-Lang": null,
  "X-Stainless-Package-Version": null,
  "X-Stainless-OS": null,
  "X-Stainless-Arch": null,
  "X-Stainless-Runtime": null,
  "X-Stainless-Runtime-Version": null,
};

/**
 * Builds the SDK client from explicit settings only. Every option the SDK would otherwise read
 * from the environment (OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_ORG_ID, OPENAI_PROJECT_ID,
 * OPENAI_WEBHOOK_SECRET, OPENAI_LOG) is passed, so none of them can change what is sent or logged.
 */
export function createOpenAIClient(settings: CloudSettings, fetchImpl?: typeof fetch): OpenAI {
  const apiKey = settings.apiKey?.trim() || null;
  return new OpenAI({
    // The SDK refuses to start without a key; with none configured we send no Authorization at all.
    apiKey: apiKey ?? "no-key-configured",
    baseURL: checkBaseUrl(settings.baseUrl).toString(),
    organization: null,
    project: null,
    webhookSecret: null,
    // One try: a retry re-sends the payload (the egress gate audits each send once), and on 429
    // the SDK would sleep for the whole retry-after while the user waits without a word.
    maxRetries: 0,
    timeout: settings.timeoutMs ?? DEFAULT_CLOUD_TIMEOUT_MS,
    // The SDK's own logs print unparsable stream data (answer text) to the console; ours suffice.
    logLevel: "off",
    defaultHeaders: apiKey ? DROPPED_HEADERS : { ...DROPPED_HEADERS, Authorization: null },
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
}

/**
 * The base URL without surrounding spaces and trailing slashes ("https://api.example.com/v1//" is
 * ".../v1"): the SDK appends "/chat/completions" to the URL as typed, so it gets this one.
 */
export function trimBaseUrl(baseUrl: string): string {
  return baseUrl.trim().replace(/\/+$/, "");
}

/** Where a chat request to `baseUrl` goes: the endpoint the privacy log names (Hybrid, Cloud, the proxy). */
export function chatCompletionsUrl(baseUrl: string): string {
  return `${trimBaseUrl(baseUrl)}/chat/completions`;
}

/** The base URL (trimmed, as above) as an http(s) URL, or a `cloud_not_configured` error saying what to fix. */
export function checkBaseUrl(baseUrl: string): URL {
  const text = trimBaseUrl(baseUrl);
  const url = URL.canParse(text) ? new URL(text) : null;
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new CloudError(
      "cloud_not_configured",
      "The cloud base URL is not a valid http(s) URL. Set it in Settings → Cloud, e.g. https://api.openai.com/v1.",
    );
  }
  return url;
}

export function checkModel(model: string): string {
  const trimmed = model.trim();
  if (!trimmed)
    throw new CloudError(
      "cloud_not_configured",
      "No cloud model is set. Choose one in Settings → Cloud (Test connection lists them).",
    );
  return trimmed;
}
