import type { SecretStore } from "./SecretStore";

/**
 * Values the host read from the environment (via app/config.ts, e.g. `TANDEM_CLOUD_API_KEY`)
 * take precedence over the stored ones; writes go to the store underneath. Nothing here reads
 * process.env: the host passes the values in.
 */
export class EnvSecretStore implements SecretStore {
  private readonly overrides: ReadonlyMap<string, string>;

  constructor(
    private readonly base: SecretStore,
    overrides: Record<string, string | null | undefined>,
  ) {
    this.overrides = new Map(
      Object.entries(overrides).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
    );
  }

  /** True when `name` comes from the environment, so the UI can say a saved value is shadowed. */
  isOverridden(name: string): boolean {
    return this.overrides.has(name);
  }

  async get(name: string): Promise<string | null> {
    return this.overrides.get(name) ?? (await this.base.get(name));
  }

  set(name: string, value: string): Promise<void> {
    return this.base.set(name, value);
  }

  delete(name: string): Promise<void> {
    return this.base.delete(name);
  }
}
