import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readConfig } from "../../../app/config";
import { CLOUD_API_KEY_SECRET, EnvSecretStore, FileSecretStore } from "../../../app/secrets";

describe("EnvSecretStore over a FileSecretStore", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "tandem-envsecrets-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("prefers the key from TANDEM_CLOUD_API_KEY over the saved one, and says so", async () => {
    const file = new FileSecretStore(dir);
    await file.set(CLOUD_API_KEY_SECRET, "sk-saved");
    const config = readConfig({ TANDEM_HOME: dir, TANDEM_CLOUD_API_KEY: "  sk-from-env \n" });
    const store = new EnvSecretStore(file, { [CLOUD_API_KEY_SECRET]: config.cloudApiKey });
    await expect(store.get(CLOUD_API_KEY_SECRET)).resolves.toBe("sk-from-env");
    expect(store.isOverridden(CLOUD_API_KEY_SECRET)).toBe(true);
  });

  it("falls back to the saved key when the variable is unset or blank, and writes go to the file", async () => {
    for (const env of [{}, { TANDEM_CLOUD_API_KEY: "   " }]) {
      const config = readConfig({ TANDEM_HOME: dir, ...env });
      expect(config.cloudApiKey).toBeNull();
      const store = new EnvSecretStore(new FileSecretStore(dir), { [CLOUD_API_KEY_SECRET]: config.cloudApiKey });
      expect(store.isOverridden(CLOUD_API_KEY_SECRET)).toBe(false);
      await store.set(CLOUD_API_KEY_SECRET, "sk-typed-in-settings");
      await expect(new FileSecretStore(dir).get(CLOUD_API_KEY_SECRET)).resolves.toBe("sk-typed-in-settings");
      await store.delete(CLOUD_API_KEY_SECRET);
      await expect(store.get(CLOUD_API_KEY_SECRET)).resolves.toBeNull();
    }
  });
});
