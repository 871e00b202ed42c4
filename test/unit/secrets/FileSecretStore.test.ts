import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLOUD_API_KEY_SECRET, FileSecretStore } from "../../../app/secrets";

const posix = process.platform !== "win32";

describe("FileSecretStore", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "tandem-secrets-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("returns null for a secret that was never stored, without creating a file", async () => {
    const store = new FileSecretStore(dir);
    await expect(store.get(CLOUD_API_KEY_SECRET)).resolves.toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });

  it("keeps a secret across instances, and forgets it after delete", async () => {
    await new FileSecretStore(dir).set(CLOUD_API_KEY_SECRET, "sk-round-trip");
    const reopened = new FileSecretStore(dir);
    await expect(reopened.get(CLOUD_API_KEY_SECRET)).resolves.toBe("sk-round-trip");
    await reopened.delete(CLOUD_API_KEY_SECRET);
    await expect(new FileSecretStore(dir).get(CLOUD_API_KEY_SECRET)).resolves.toBeNull();
  });

  it("writes secrets.json under the data dir with mode 0600 and leaves no temp file behind", async () => {
    const nested = join(dir, "data");
    const store = new FileSecretStore(nested);
    await store.set("a", "1");
    await store.set("b", "2");
    expect(await readdir(nested)).toEqual(["secrets.json"]);
    if (posix) expect((await stat(store.path)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(store.path, "utf8"))).toEqual({ version: 1, secrets: { a: "1", b: "2" } });
  });

  it("loses no value when several sets run at once", async () => {
    const store = new FileSecretStore(dir);
    await Promise.all(["a", "b", "c", "d"].map((name) => store.set(name, `value-${name}`)));
    const reopened = new FileSecretStore(dir);
    for (const name of ["a", "b", "c", "d"]) await expect(reopened.get(name)).resolves.toBe(`value-${name}`);
  });

  it.runIf(posix)("refuses to read a secrets file that others can read, and says how to fix it", async () => {
    const store = new FileSecretStore(dir);
    await store.set(CLOUD_API_KEY_SECRET, "sk-exposed");
    await chmod(store.path, 0o644);
    const error = await store.get(CLOUD_API_KEY_SECRET).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "secrets_insecure" });
    expect((error as Error).message).toContain("mode 644");
    expect((error as Error).message).toContain(`chmod 600 "${store.path}"`);
    expect((error as Error).message).not.toContain("sk-exposed");
    await expect(store.set("other", "x")).rejects.toMatchObject({ code: "secrets_insecure" });
  });

  it.runIf(posix)("also refuses a file only the group can read", async () => {
    const store = new FileSecretStore(dir);
    await store.set(CLOUD_API_KEY_SECRET, "sk-group");
    await chmod(store.path, 0o640);
    await expect(store.get(CLOUD_API_KEY_SECRET)).rejects.toMatchObject({ code: "secrets_insecure" });
  });

  it("reports a damaged file as corrupt instead of losing or inventing secrets", async () => {
    const store = new FileSecretStore(dir);
    await writeFile(store.path, "{ not json", { mode: 0o600 });
    await expect(store.get(CLOUD_API_KEY_SECRET)).rejects.toMatchObject({ code: "secrets_corrupt" });
    await expect(store.set(CLOUD_API_KEY_SECRET, "sk-new")).rejects.toMatchObject({ code: "secrets_corrupt" });
    expect(await readFile(store.path, "utf8")).toBe("{ not json");
  });

  it("rejects names that are not simple identifiers", async () => {
    const store = new FileSecretStore(dir);
    await expect(store.get("")).rejects.toThrow(/Invalid secret name/);
    await expect(store.set("../escape", "x")).rejects.toThrow(/Invalid secret name/);
  });
});
