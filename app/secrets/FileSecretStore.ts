import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { TandemError } from "../contract/errors";
import type { SecretStore } from "./SecretStore";

/**
 * Secrets in `<dataDir>/secrets.json`, mode 0600, replaced atomically (write a temp file, then
 * rename) so a crash never leaves half a file. On POSIX it refuses to read a file that group or
 * others may read: the key may already have leaked, and the user should know.
 */
export class FileSecretStore implements SecretStore {
  readonly path: string;
  /** Writes run one after another so two `set`s cannot lose each other's value. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataDir: string,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {
    this.path = join(dataDir, "secrets.json");
  }

  async get(name: string): Promise<string | null> {
    checkName(name);
    await this.queue;
    return (await this.read()).get(name) ?? null;
  }

  async set(name: string, value: string): Promise<void> {
    checkName(name);
    if (typeof value !== "string") throw new TypeError("A secret value must be a string.");
    return this.update((secrets) => secrets.set(name, value));
  }

  async delete(name: string): Promise<void> {
    checkName(name);
    return this.update((secrets) => secrets.delete(name));
  }

  private update(change: (secrets: Map<string, string>) => void): Promise<void> {
    const next = this.queue.then(async () => {
      const secrets = await this.read();
      change(secrets);
      await this.write(secrets);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async read(): Promise<Map<string, string>> {
    const info = await stat(this.path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return null;
      throw error;
    });
    if (!info) return new Map();
    if (this.platform !== "win32" && (info.mode & 0o077) !== 0) {
      const mode = (info.mode & 0o777).toString(8).padStart(3, "0");
      throw new TandemError(
        "secrets_insecure",
        `The secrets file ${this.path} can be read by other users (mode ${mode}), so Tandem will not use it. Run \`chmod 600 "${this.path}"\`, and consider replacing the API key.`,
      );
    }
    return parseSecrets(await readFile(this.path, "utf8"), this.path);
  }

  private async write(secrets: Map<string, string>): Promise<void> {
    await mkdir(this.dataDir, { recursive: true, mode: 0o700 });
    const temp = `${this.path}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      await writeFile(temp, JSON.stringify({ version: 1, secrets: Object.fromEntries(secrets) }), {
        mode: 0o600,
        flag: "wx",
      });
      await chmod(temp, 0o600); // the creation mode is filtered by the umask; set it exactly
      await rename(temp, this.path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }
}

function checkName(name: string): void {
  if (typeof name !== "string" || !/^[A-Za-z0-9._-]{1,100}$/.test(name)) {
    throw new TypeError(`Invalid secret name ${JSON.stringify(name)}: use 1–100 letters, digits, ".", "_" or "-".`);
  }
}

function parseSecrets(text: string, path: string): Map<string, string> {
  const corrupt = (cause?: unknown) =>
    new TandemError(
      "secrets_corrupt",
      `The secrets file ${path} is damaged. Delete it and enter the API key again in Settings → Cloud.`,
      { cause },
    );
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw corrupt(error);
  }
  const secrets = (data as { secrets?: unknown } | null)?.secrets;
  if (typeof secrets !== "object" || secrets === null || Array.isArray(secrets)) throw corrupt();
  const entries = Object.entries(secrets).filter((e): e is [string, string] => typeof e[1] === "string");
  return new Map(entries);
}
