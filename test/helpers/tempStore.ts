import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import { Store, type StoreOptions } from "../../app/store/Store";

/**
 * Real SQLite files in a fresh temp dir per test. Every store opened through `open()` is closed
 * and the dir removed after each test — and the test fails if the dir survives.
 */
export function useTempStores() {
  let dir: string | null = null;
  const opened: Store[] = [];

  afterEach(() => {
    for (const store of opened.splice(0)) store.close();
    if (dir) {
      rmSync(dir, { recursive: true, force: true });
      if (existsSync(dir)) throw new Error(`temp dir ${dir} was not removed`);
      dir = null;
    }
  });

  const path = (name = "tandem.db") => {
    dir ??= mkdtempSync(join(tmpdir(), "tandem-store-test-"));
    return join(dir, name);
  };

  return {
    /** A path inside this test's temp dir (created on first use). */
    path,
    /** Opens (or reopens) a store on a file in the temp dir; closed after the test. */
    open(name?: string, options?: StoreOptions): Store {
      const store = Store.open(path(name), options);
      opened.push(store);
      return store;
    },
  };
}
