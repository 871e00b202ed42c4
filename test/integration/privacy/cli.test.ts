import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { restoreCommand } from "../../../main/cli/commands/restore";
import { sanitizeCommand } from "../../../main/cli/commands/sanitize";

/** Runs a CLI command with `input` on stdin; collects stdout, stderr and the exit code. */
async function run(command: typeof sanitizeCommand, args: string[], input: string, dataDir: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (c: Buffer) => (out += c.toString()));
  stderr.on("data", (c: Buffer) => (err += c.toString()));
  const code = await command(args, { stdin: Readable.from([Buffer.from(input)]), stdout, stderr, dataDir });
  return { code, out, err };
}

describe("the sanitize and restore commands", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), "tandem-cli-privacy-"));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const letter =
    "Dear Mr. Gary Thompson,\nplease refund DE89 3704 0044 0532 0130 00.\nRegards, Anna Weber (anna.weber@gmx.de)\n";

  it("prints sanitized text and a conversation id that restore reverses on the device", async () => {
    const s = await run(sanitizeCommand, [], letter, dataDir);
    expect(s.code).toBe(0);
    expect(s.out).toBe("Dear Mr. [PERSON_1],\nplease refund [IBAN_1].\nRegards, [PERSON_2] ([EMAIL_1])\n");
    const id = /conversation: (\S+)/.exec(s.err)?.[1] ?? "";
    expect(id).not.toBe("");
    const r = await run(
      restoreCommand,
      ["--conversation", id],
      "Dear [Person 1], we refunded IBAN_1 to PERSON_2.",
      dataDir,
    );
    expect(r.code).toBe(0);
    expect(r.out).toBe("Dear Gary Thompson, we refunded DE89 3704 0044 0532 0130 00 to Anna Weber.");
  });

  it("keeps placeholders stable across calls with --conversation", async () => {
    await run(sanitizeCommand, ["--conversation", "letters"], letter, dataDir);
    const again = await run(sanitizeCommand, ["--conversation", "letters"], "thompson replied to anna", dataDir);
    expect(again.out).toBe("[PERSON_1] replied to [PERSON_2]");
    expect(again.err).toBe("");
  });

  it("--json adds placeholders and types but never the values", async () => {
    const s = await run(sanitizeCommand, ["--json"], letter, dataDir);
    const parsed = JSON.parse(s.out) as {
      conversationId: string;
      sanitized: string;
      placeholders: Array<{ placeholder: string; type: string }>;
    };
    expect(parsed.placeholders).toEqual([
      { placeholder: "[PERSON_1]", type: "PERSON" },
      { placeholder: "[IBAN_1]", type: "IBAN" },
      { placeholder: "[PERSON_2]", type: "PERSON" },
      { placeholder: "[EMAIL_1]", type: "EMAIL" },
    ]);
    expect(s.out).not.toMatch(/Thompson|DE89|Weber|gmx/);
  });

  it("--jsonl sanitizes each line as its own conversation and reports bad lines", async () => {
    const input = `${JSON.stringify({ id: "a", text: "Call Anna Weber" })}\nnot json\n${JSON.stringify({ id: 2, text: "Anna Weber? ask Ben Roth" })}\n`;
    const s = await run(sanitizeCommand, ["--jsonl"], input, dataDir);
    expect(
      s.out
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([
      { id: "a", sanitized: "Call [PERSON_1]" },
      { id: 2, sanitized: "[PERSON_1]? ask [PERSON_2]" },
    ]);
    expect(s.err).toMatch(/line 2/);
    expect(s.code).toBe(1);
  });

  it('--jsonl registers a line\'s "context" as private context first, as Hybrid does, and rejects a malformed one', async () => {
    const context =
      "Profile: Quillon Vantreska, lives at 4 Larkspur Row. Landlord: Odalys Brunnhofer, phone +44 20 7946 0958.";
    const text = "Please tell quillon vantreska that Brunnhofer called from +44 20 7946 0958.";
    const input = [
      { id: "with", text, context },
      { id: "list", text, context: [context, "Notes: nothing else."] },
      { id: "without", text },
      { id: "bad", text, context: 42 },
    ]
      .map((line) => JSON.stringify(line))
      .join("\n");
    const s = await run(sanitizeCommand, ["--jsonl"], input, dataDir);
    const out = s.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: string; sanitized: string });
    expect(out.map((o) => o.id)).toEqual(["with", "list", "without"]);
    for (const o of out.slice(0, 2)) {
      expect(o.sanitized).not.toMatch(/quillon|vantreska|brunnhofer|7946/i);
      // Numbered in the order they leave, not the order the context registered them.
      expect(o.sanitized).toContain("[PERSON_1]");
    }
    // Without the context, the lowercase name is not known to be private.
    expect(out[2]!.sanitized).toMatch(/quillon vantreska/);
    expect(s.err).toMatch(/line 4: .*"context"/);
    expect(s.code).toBe(1);
  });

  it("restore refuses an unknown conversation and reports placeholders it cannot restore", async () => {
    expect((await run(restoreCommand, ["--conversation", "nope"], "[PERSON_1]", dataDir)).code).toBe(1);
    expect((await run(restoreCommand, [], "[PERSON_1]", dataDir)).code).toBe(2);
    await run(sanitizeCommand, ["--conversation", "c"], "Anna Weber", dataDir);
    const r = await run(restoreCommand, ["--conversation", "c"], "[PERSON_1] and [PERSON_4]", dataDir);
    expect(r.out).toBe("Anna Weber and [PERSON_4]");
    expect(r.err).toMatch(/\[PERSON_4\]/);
  });
});
