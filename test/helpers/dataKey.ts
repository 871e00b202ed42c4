import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DATABASE_KEY_SECRET } from "../../app/secrets/DatabaseKeyStore";

/**
 * The database key a host or CLI command made for `dataDir` (from its 0600 secrets file), for
 * tests that open the same file through a second connection: `Store.open(path, { key: dataKey(dir) })`.
 * Undefined before any host ran there: the file is then plaintext, and the host encrypts it on start.
 */
export function dataKey(dataDir: string): Buffer | undefined {
  const file = join(dataDir, "secrets.json");
  if (!existsSync(file)) return undefined;
  const hex = (JSON.parse(readFileSync(file, "utf8")) as { secrets?: Record<string, string> }).secrets?.[
    DATABASE_KEY_SECRET
  ];
  return hex ? Buffer.from(hex, "hex") : undefined;
}
