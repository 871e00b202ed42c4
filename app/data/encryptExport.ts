import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from "node:crypto";
import { z } from "zod";
import { TandemError } from "../contract/errors";

export const ENCRYPTED_FORMAT = "tandem-export-encrypted";

/**
 * scrypt with N = 2^15, r = 8 (32 MiB, ~0.1 s here): OWASP's floor for scrypt. It is stored in
 * the envelope, so a later Tandem can raise it and still open older files.
 */
const KDF = { name: "scrypt", N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

const EnvelopeSchema = z.object({
  format: z.literal(ENCRYPTED_FORMAT),
  version: z.literal(1),
  // Bounds keep a crafted file from making us spend gigabytes or minutes deriving a key.
  kdf: z.object({
    name: z.literal("scrypt"),
    N: z
      .number()
      .int()
      .min(2 ** 14)
      .max(2 ** 20)
      .refine(isPowerOfTwo, "N must be a power of two"),
    r: z.number().int().min(1).max(16),
    p: z.number().int().min(1).max(4),
  }),
  cipher: z.literal("aes-256-gcm"),
  salt: z.base64().min(16),
  iv: z.base64().min(16),
  tag: z.base64().min(16),
  // Not checked as base64 here (a regex over hundreds of MB is slow); GCM authenticates it anyway.
  data: z.string(),
});

export type EncryptedEnvelope = z.output<typeof EnvelopeSchema>;

export function isEncryptedEnvelope(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as { format?: unknown }).format === ENCRYPTED_FORMAT;
}

/** `{format, version, kdf, cipher, salt, iv, tag, data}` as JSON; the header is authenticated too. */
export async function encryptExport(plainText: string, passphrase: string): Promise<string> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = await deriveKey(passphrase, salt, KDF);
  const header = { format: ENCRYPTED_FORMAT, version: 1 as const, kdf: KDF, cipher: "aes-256-gcm" as const };
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(JSON.stringify(header)));
  const data = Buffer.concat([cipher.update(plainText, "utf8"), cipher.final()]);
  const envelope = {
    ...header,
    salt: salt.toString("base64"),
    iv: iv.toString("base64"),
    tag: cipher.getAuthTag().toString("base64"),
    data: data.toString("base64"),
  };
  return JSON.stringify(envelope);
}

/** The export's JSON text; `passphrase_wrong` when the passphrase (or the file) does not match. */
export async function decryptExport(value: unknown, passphrase: string | undefined): Promise<string> {
  const parsed = EnvelopeSchema.safeParse(value);
  if (!parsed.success)
    throw new TandemError(
      "import_invalid",
      "This encrypted Tandem export is damaged (its header is not valid). Nothing was imported.",
    );
  if (!passphrase)
    throw new TandemError(
      "passphrase_required",
      "This export is encrypted. Enter the passphrase it was exported with.",
    );
  const envelope = parsed.data;
  const key = await deriveKey(passphrase, Buffer.from(envelope.salt, "base64"), envelope.kdf);
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(envelope.iv, "base64"));
  decipher.setAAD(
    Buffer.from(
      JSON.stringify({
        format: envelope.format,
        version: envelope.version,
        kdf: envelope.kdf,
        cipher: envelope.cipher,
      }),
    ),
  );
  decipher.setAuthTag(Buffer.from(envelope.tag, "base64"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(envelope.data, "base64")), decipher.final()]).toString("utf8");
  } catch (error) {
    throw new TandemError(
      "passphrase_wrong",
      "That passphrase does not open this export (or the file was changed after it was made). Check it and try again. Nothing was imported.",
      { cause: error },
    );
  }
}

function deriveKey(passphrase: string, salt: Buffer, kdf: { N: number; r: number; p: number }): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node refuses above `maxmem` (32 MiB by default), exactly our size.
  const options: ScryptOptions = { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r };
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize("NFC"), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function isPowerOfTwo(n: number): boolean {
  return (n & (n - 1)) === 0;
}
