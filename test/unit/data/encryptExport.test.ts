import { describe, expect, it } from "vitest";
import { decryptExport, encryptExport, ENCRYPTED_FORMAT, exportAll, parseImportText } from "../../../app/data";
import { Store } from "../../../app/store/Store";
import { seedData } from "./seedData";

describe("encrypted exports", () => {
  it("round-trips with the right passphrase and reveals none of the content", async () => {
    const store = Store.openInMemory();
    try {
      seedData(store, "Quetzalcoatlus");
      const plain = await exportAll(store.db);
      const sealed = await exportAll(store.db, { passphrase: "correct horse battery staple" });
      expect(sealed).toMatchObject({ encrypted: true, fileName: expect.stringMatching(/\.encrypted\.json$/) });
      expect(sealed.content).not.toContain("Quetzalcoatlus");
      const envelope = JSON.parse(sealed.content);
      expect(envelope).toMatchObject({
        format: ENCRYPTED_FORMAT,
        version: 1,
        cipher: "aes-256-gcm",
        kdf: { name: "scrypt", N: 32768, r: 8, p: 1 },
      });
      expect(Object.keys(envelope).sort()).toEqual(["cipher", "data", "format", "iv", "kdf", "salt", "tag", "version"]);
      const file = await parseImportText(sealed.content, "x", { passphrase: "correct horse battery staple" });
      expect(file.data.conversations.map((c) => c.title)).toEqual(
        JSON.parse(plain.content).conversations.map((c: { title: string }) => c.title),
      );
      expect(JSON.stringify(file.data)).toContain("Quetzalcoatlus");
    } finally {
      store.close();
    }
  });

  it("says the passphrase is wrong, or missing, instead of importing garbage", async () => {
    const sealed = await encryptExport('{"hello":"world"}', "the right passphrase");
    await expect(decryptExport(JSON.parse(sealed), "the wrong passphrase")).rejects.toMatchObject({
      code: "passphrase_wrong",
      message: expect.stringMatching(/passphrase does not open/),
    });
    await expect(parseImportText(sealed, "x")).rejects.toMatchObject({ code: "passphrase_required" });
  });

  it("detects a file changed after export, including its key-derivation header", async () => {
    const envelope = JSON.parse(await encryptExport('{"hello":"world"}', "the right passphrase"));
    const flipped = Buffer.from(envelope.data, "base64");
    flipped[0] = flipped[0]! ^ 1;
    await expect(
      decryptExport({ ...envelope, data: flipped.toString("base64") }, "the right passphrase"),
    ).rejects.toMatchObject({ code: "passphrase_wrong" });
    await expect(
      decryptExport({ ...envelope, kdf: { ...envelope.kdf, p: 2 } }, "the right passphrase"),
    ).rejects.toMatchObject({ code: "passphrase_wrong" });
  });

  it("refuses key-derivation settings that would take gigabytes of memory", async () => {
    const envelope = JSON.parse(await encryptExport("{}", "the right passphrase"));
    await expect(
      decryptExport({ ...envelope, kdf: { ...envelope.kdf, N: 2 ** 24 } }, "the right passphrase"),
    ).rejects.toMatchObject({ code: "import_invalid" });
  });

  it("uses a fresh salt and nonce every time", async () => {
    const a = JSON.parse(await encryptExport("same", "the right passphrase"));
    const b = JSON.parse(await encryptExport("same", "the right passphrase"));
    expect(a.salt).not.toBe(b.salt);
    expect(a.iv).not.toBe(b.iv);
    expect(a.data).not.toBe(b.data);
  });
});
