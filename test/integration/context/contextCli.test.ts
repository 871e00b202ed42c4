import { existsSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contextCommand } from "../../../main/cli/commands/context";
import { profileCommand } from "../../../main/cli/commands/profile";
import { Store } from "../../../app/store/Store";
import { dataKey } from "../../helpers/dataKey";
import { makeDocx } from "../../unit/context/fixtures/makeDocx";
import { makeEml } from "../../unit/context/fixtures/makeEml";
import { makePdf } from "../../unit/context/fixtures/makePdf";

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tandem-context-cli-"));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  expect(existsSync(dir)).toBe(false);
});

/** Runs a CLI command against a real data file in the temp dir, capturing its output. */
async function run(command: typeof contextCommand, args: string[], stdin = "") {
  const io = {
    stdin: new PassThrough(),
    stdout: new PassThrough(),
    stderr: new PassThrough(),
    dataDir: join(dir, "data"),
  };
  const out: string[] = [];
  const err: string[] = [];
  io.stdout.on("data", (d: Buffer) => out.push(d.toString()));
  io.stderr.on("data", (d: Buffer) => err.push(d.toString()));
  io.stdin.end(stdin);
  const code = await command(args, io);
  return { code, stdout: out.join(""), stderr: err.join("") };
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe("npm run cli -- context", () => {
  it("imports each supported file type, lists them by file name only, shows and removes them", async () => {
    const files = [
      file("notes.txt", "Wifi password: bluebird-42"),
      file("trip.md", "# Lisbon\n\nFlight TP 1351 on 12 May."),
      file("lease.pdf", makePdf([{ lines: ["Monthly rent: 1,250 EUR"] }])),
      file("letter.docx", makeDocx(["I have worked as a nurse since 2019."])),
      file("reminder.eml", makeEml()),
    ];
    for (const path of files) {
      const result = await run(contextCommand, ["add", path]);
      expect(result, result.stderr).toMatchObject({ code: 0 });
      expect(result.stdout).toMatch(/^added [0-9a-f-]{36} {2}".+" \(.+global\) · 1 chunk\n$/);
    }
    const listed = await run(contextCommand, ["list", "--json"]);
    const items = JSON.parse(listed.stdout) as Array<{ id: string; title: string; sourceName: string; mime: string }>;
    expect(items.map((i) => i.sourceName).sort()).toEqual([
      "lease.pdf",
      "letter.docx",
      "notes.txt",
      "reminder.eml",
      "trip.md",
    ]);
    expect(listed.stdout).not.toContain(dir); // never a machine path
    expect(items.find((i) => i.sourceName === "reminder.eml")?.title).toBe("Your appointment on Thursday – reminder");

    const pdf = items.find((i) => i.sourceName === "lease.pdf")!;
    const shown = await run(contextCommand, ["show", pdf.id.slice(0, 8)]);
    expect(shown.stdout).toContain("Monthly rent: 1,250 EUR");
    expect(await run(contextCommand, ["remove", pdf.id])).toMatchObject({ code: 0, stdout: `removed ${pdf.id}\n` });
    expect(JSON.parse((await run(contextCommand, ["list", "--json"])).stdout)).toHaveLength(4);
    expect((await run(contextCommand, ["show", pdf.id])).code).toBe(1);
  });

  it("attaches an item to one conversation and shows its on/off state there", async () => {
    const store = Store.open(join(dir, "data", "tandem.db"), { key: dataKey(join(dir, "data")) });
    const conversation = store.conversations.create();
    store.close();
    const added = await run(contextCommand, [
      "add",
      file("plan.txt", "Surprise party at Luigi's"),
      "--conversation",
      conversation.id,
      "--title",
      "Party",
      "--json",
    ]);
    expect(JSON.parse(added.stdout)).toMatchObject({
      title: "Party",
      scope: "conversation",
      conversationId: conversation.id,
      chunks: 1,
    });
    const listed = await run(contextCommand, ["list", "--conversation", conversation.id]);
    expect(listed.stdout).toMatch(
      /^\[on\] {2}[0-9a-f-]{36} {2}"Party" \(document, plan.txt, 25 characters, conversation /,
    );
    const missing = await run(contextCommand, ["add", file("x.txt", "x"), "--conversation", "no-such-conversation"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no longer exists/);
  });

  it("adds a pasted note from stdin", async () => {
    const result = await run(
      contextCommand,
      ["add", "-", "--title", "Allergies", "--json"],
      "Allergic to penicillin.\n",
    );
    expect(JSON.parse(result.stdout)).toMatchObject({ title: "Allergies", kind: "note", sourceName: null, chars: 23 });
  });

  it("explains failures in one line with exit code 1, and bad usage with exit code 2", async () => {
    const scan = await run(contextCommand, ["add", file("scan.pdf", makePdf([{ lines: [], image: true }]))]);
    expect(scan).toMatchObject({ code: 1 });
    expect(scan.stderr).toMatch(
      /^tandem: "scan.pdf": this PDF has no text layer \(probably a scan\)\. .*paste the text instead\.\n$/,
    );
    const corrupt = await run(contextCommand, ["add", file("broken.docx", Buffer.from("PK\x03\x04 broken"))]);
    expect(corrupt.code).toBe(1);
    expect(corrupt.stderr).toContain("not a readable Word document");
    const huge = file("huge.txt", "");
    truncateSync(huge, 21 * 1024 * 1024); // sparse: no real 21 MB written
    expect((await run(contextCommand, ["add", huge])).stderr).toMatch(
      /"huge.txt" is 21.0 MB; Tandem imports files up to 20.0 MB/,
    );
    expect((await run(contextCommand, ["add", join(dir, "missing.txt")])).stderr).toMatch(
      /"missing.txt": it does not exist/,
    );
    expect((await run(contextCommand, ["add", dir])).stderr).toMatch(/is a folder, not a file/);
    expect((await run(contextCommand, ["add", file("sheet.xlsx", "x")])).code).toBe(1);
    expect((await run(contextCommand, ["add", "a.txt", "--global", "--conversation", "c"])).code).toBe(2);
    expect((await run(contextCommand, ["frobnicate"])).code).toBe(2);
    expect((await run(contextCommand, ["remove"])).code).toBe(2);
    expect((await run(contextCommand, ["list", "--json"])).stdout).toBe("[]\n");
  });
});

describe("npm run cli -- profile", () => {
  it("sets the profile from JSON, replaces only the free text from a .txt file, and shows it", async () => {
    const json = file(
      "me.json",
      JSON.stringify({
        name: "Ada Brennan",
        city: "Edinburgh",
        family: ["Tom (husband)"],
        alwaysPrivate: ["Project Heron"],
      }),
    );
    expect(await run(profileCommand, ["set", json])).toMatchObject({
      code: 0,
      stdout: "profile saved (name, city, family, alwaysPrivate)\n",
    });
    expect((await run(profileCommand, ["set", file("about.txt", "I prefer short answers.")])).code).toBe(0);
    const shown = JSON.parse((await run(profileCommand, ["show"])).stdout);
    expect(shown).toMatchObject({
      name: "Ada Brennan",
      city: "Edinburgh",
      family: [{ name: "Tom", relation: "husband" }],
      freeText: "I prefer short answers.",
    });
  });

  it("refuses invalid JSON and invalid fields without changing the stored profile", async () => {
    await run(profileCommand, ["set", file("me.json", '{"name": "Ada"}')]);
    const broken = await run(profileCommand, ["set", file("bad.json", "{name: Ada")]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/"bad.json" is not valid JSON/);
    const wrong = await run(profileCommand, ["set", file("wrong.json", '{"alwaysPrivate": "Heron"}')]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/at "alwaysPrivate"/);
    expect(JSON.parse((await run(profileCommand, ["show"])).stdout).name).toBe("Ada");
    expect((await run(profileCommand, ["set"])).code).toBe(2);
  });
});
