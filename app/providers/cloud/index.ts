export { CloudProvider } from "./CloudProvider";
export { CloudError } from "./CloudError";
export { chatRequestBody, type ChatBodyOptions } from "./chatRequestBody";
export { chatCompletionsUrl, DEFAULT_CLOUD_TIMEOUT_MS, trimBaseUrl } from "./createOpenAIClient";
export type {
  CloudFinishReason,
  CloudMessage,
  CloudProviderDeps,
  CloudSettings,
  CloudUsage,
  ConnectionTestResult,
  StreamChatOptions,
  StreamChatResult,
} from "./types";
