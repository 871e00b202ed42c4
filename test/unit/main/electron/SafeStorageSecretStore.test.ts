import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FileSecretStore } from "../../../../app/secrets";
import { SafeStorageSecretStore, type StringCipher } from "../../../../main/electron/SafeStorageSecretStore";

/** A stand-in for the OS keychain: XOR with a key held outside the file, like safeStorage's. */
const cipher: StringCipher = {
  isEncryptionAvailable: () => true,
  encryptString: (plain) => Buffer.from(Buffer.from(plain, "utf8").map((b) => b ^ 0x5a)),
  decryptString: (encrypted) => Buffer.from(encrypted.map((b) => b ^ 0x5a)).toString("utf8"),
};

describe("the keychain-backed secret store", () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("round-trips the key while the file on disk never holds it in clear", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tandem-keychain-"));
    dirs.push(dir);
    const file = new FileSecretStore(dir);
    const store = new SafeStorageSecretStore(file, cipher);
    await store.set("cloud.apiKey", "sk-test-very-secret-123");
    expect(await store.get("cloud.apiKey")).toBe("sk-test-very-secret-123");
    expect(readFileSync(file.path, "utf8")).not.toContain("sk-test-very-secret-123");
    await store.delete("cloud.apiKey");
    expect(await store.get("cloud.apiKey")).toBeNull();
  });
});
