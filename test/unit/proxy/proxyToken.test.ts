import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PROXY_TOKEN_SECRET, proxyToken } from "../../../app/proxy/proxyToken";
import { FileSecretStore } from "../../../app/secrets";

/** README: without TANDEM_PROXY_TOKEN a random token is made once and kept in the secret store. */
describe("the privacy proxy's token", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "tandem-proxy-token-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("is made once at random and kept, so an app set up with it still works after a restart", async () => {
    const first = await proxyToken(new FileSecretStore(dir), null);
    expect(first).toMatch(/^tdm-[0-9a-f]{48}$/);
    // A restart: a new secret store on the same data folder.
    const reopened = new FileSecretStore(dir);
    await expect(reopened.get(PROXY_TOKEN_SECRET)).resolves.toBe(first);
    await expect(proxyToken(reopened, null)).resolves.toBe(first);
  });

  it("differs between data folders: it is random, not derived from anything an app could guess", async () => {
    const other = await mkdtemp(join(tmpdir(), "tandem-proxy-token-"));
    try {
      const a = await proxyToken(new FileSecretStore(dir), null);
      const b = await proxyToken(new FileSecretStore(other), null);
      expect(a).not.toBe(b);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it("is TANDEM_PROXY_TOKEN when that is set, even over a stored one, and leaves the stored one as it was", async () => {
    const store = new FileSecretStore(dir);
    const stored = await proxyToken(store, null);
    await expect(proxyToken(store, "my-proxy-token")).resolves.toBe("my-proxy-token");
    await expect(store.get(PROXY_TOKEN_SECRET)).resolves.toBe(stored);
  });
});
