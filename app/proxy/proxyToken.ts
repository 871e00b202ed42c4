import { randomBytes } from "node:crypto";
import type { SecretStore } from "../secrets";

/** The secret-store name of the proxy's access token. */
export const PROXY_TOKEN_SECRET = "proxy.token";

/**
 * The token clients must send (`Authorization: Bearer …`): `fromEnv` (TANDEM_PROXY_TOKEN) if
 * given, else the stored one, else a random one made now and kept, so an app configured once
 * keeps working across restarts.
 */
export async function proxyToken(secrets: SecretStore, fromEnv: string | null): Promise<string> {
  if (fromEnv) return fromEnv;
  const stored = await secrets.get(PROXY_TOKEN_SECRET);
  if (stored) return stored;
  const token = `tdm-${randomBytes(24).toString("hex")}`;
  await secrets.set(PROXY_TOKEN_SECRET, token);
  return token;
}
