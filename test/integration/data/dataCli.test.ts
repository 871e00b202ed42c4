import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Store } from "../../../app/store/Store";
import { dataKey } from "../../helpers/dataKey";
import { DB_FILE } from "../../../main/host/createHost";
import { seedData, snapshot } from "../../unit/data/seedData";
import { filesContaining } from "./scanDir";

const run = promisify(execFile);
const TSX = join(process.cwd(), "node_modules/.bin/tsx");

/** export / wipe / import as a user types them: separate processes on TANDEM_HOME. */
describe("npm run cli -- export | import | wipe", () => {
  let root: string;
  let home: string;
  let before: ReturnType<typeof snapshot>;
  const cli = (args: string[], env: Record<string, string> = {}) =>
    run(TSX, ["main/cli/index.ts", ...args], {
      env: { ...process.env, TANDEM_HOME: home, ...env },
      maxBuffer: 20_000_000,
    });
  const fails = (args: string[], env?: Record<string, string>) =>
    cli(args, env).then(
      () => {
        throw new Error("expected the command to fail");
      },
      (error: { code: number; stderr: string }) => error,
    );
  const withStore = <T>(fn: (store: Store) => T): T => {
    const store = Store.open(join(home, DB_FILE), { key: dataKey(home) });
    try {
      return fn(store);
    } finally {
      store.close();
    }
  };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "tandem-data-cli-"));
    home = join(root, "home");
    withStore((store) => seedData(store, "Brontosaurix"));
    before = withStore(snapshot);
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("exports everything encrypted, wipes, and imports it back identical", async () => {
    const out = join(root, "backup.json");
    const env = { TANDEM_EXPORT_PASSPHRASE: "correct horse battery staple" };
    const exported = await cli(["export", "--out", out, "--passphrase-env", "TANDEM_EXPORT_PASSPHRASE"], env);
    expect(exported.stderr).toContain("exported 3 conversations (encrypted)");
    expect(readFileSync(out, "utf8")).not.toContain("Brontosaurix");

    const wiped = await cli(["wipe", "--yes"]);
    expect(wiped.stdout).toContain(`deleted ${DB_FILE}`);
    expect(filesContaining(home, "Brontosaurix")).toEqual([]);

    const wrong = await fails(["import", out, "--passphrase-env", "TANDEM_EXPORT_PASSPHRASE"], {
      TANDEM_EXPORT_PASSPHRASE: "wrong horse",
    });
    expect(wrong).toMatchObject({ code: 1, stderr: expect.stringContaining("passphrase does not open") });
    const imported = await cli(["import", out, "--passphrase-env", "TANDEM_EXPORT_PASSPHRASE", "--json"], env);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      source: "tandem",
      conversationsImported: 3,
      messagesImported: 8,
    });
    expect(withStore(snapshot)).toEqual(before);
  });

  it("prints one conversation as Markdown on stdout", async () => {
    const id = before.conversations.find((c) => c.mode === "hybrid")!.id;
    const { stdout } = await cli(["export", "--conversation", id, "--format", "md"]);
    expect(stdout).toMatch(/^# Letter to Brontosaurix\n\n- Mode: Hybrid\n/);
    expect(stdout).toContain("## Assistant (stopped)\n\nDear\n");
  });

  it("explains wrong usage with exit code 2 and deletes nothing without --yes", async () => {
    expect(await fails(["wipe"])).toMatchObject({ code: 2, stderr: expect.stringContaining("add --yes") });
    expect(await fails(["export", "--format", "md"])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("--conversation"),
    });
    expect(await fails(["export", "--passphrase-env", "UNSET_VARIABLE_FOR_TEST"])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("UNSET_VARIABLE_FOR_TEST is not set"),
    });
    expect(await fails(["import"])).toMatchObject({ code: 2 });
    expect(await fails(["import", join(root, "missing.json")])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("no file at that path"),
    });
    expect(existsSync(join(home, DB_FILE))).toBe(true);
    expect(withStore(snapshot)).toEqual(before);
  });
});
