export { CLOUD_API_KEY_SECRET, type SecretStore } from "./SecretStore";
export { FileSecretStore } from "./FileSecretStore";
export { EnvSecretStore } from "./EnvSecretStore";
