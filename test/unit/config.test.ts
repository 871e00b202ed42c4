import { homedir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readConfig } from "../../app/config";

/** README "Where your data lives": the environment variables and their defaults. */
describe("the environment Tandem reads", () => {
  it("keeps the data in ~/.tandem unless TANDEM_HOME or the host (Electron's user-data folder) says otherwise", () => {
    expect(readConfig({}).dataDir).toBe(join(homedir(), ".tandem"));
    expect(readConfig({}, { dataDir: "/electron/userData" }).dataDir).toBe("/electron/userData");
    expect(readConfig({ TANDEM_HOME: "/data/tandem" }, { dataDir: "/electron/userData" }).dataDir).toBe("/data/tandem");
  });

  it("takes the threads and the browser host's port from TANDEM_THREADS and TANDEM_PORT, else leaves them to the setting and a free port", () => {
    expect(readConfig({ TANDEM_THREADS: "3", TANDEM_PORT: "43123" })).toMatchObject({ threads: 3, port: 43123 });
    expect(readConfig({})).toMatchObject({ threads: null, port: 0 });
    // A value that is not a positive whole number is ignored rather than used.
    expect(readConfig({ TANDEM_THREADS: "-2", TANDEM_PORT: "http" })).toMatchObject({ threads: null, port: 0 });
  });

  it("logs at 'warn' unless TANDEM_LOG_LEVEL names another level", () => {
    expect(readConfig({}).logLevel).toBe("warn");
    expect(readConfig({ TANDEM_LOG_LEVEL: "verbose" }).logLevel).toBe("warn");
    for (const level of ["debug", "info", "error"] as const)
      expect(readConfig({ TANDEM_LOG_LEVEL: level }).logLevel).toBe(level);
  });

  it("reads the cloud key and the proxy token from the environment, and ignores OPENAI_API_KEY", () => {
    const config = readConfig({ OPENAI_API_KEY: "sk-openai", TANDEM_PROXY_TOKEN: " tdm-env " });
    expect(config).toMatchObject({ cloudApiKey: null, proxyToken: "tdm-env" });
    expect(readConfig({ TANDEM_CLOUD_API_KEY: "sk-tandem" }).cloudApiKey).toBe("sk-tandem");
  });
});
