import type Database from "better-sqlite3";
import { z } from "zod";
import { DEFAULT_PROXY_CONFIG, PROXY_POLICIES, type ProxyConfig } from "./types";

/** One app that used the proxy, named by its User-Agent. */
export interface ProxyClient {
  name: string;
  firstSeen: number;
  lastSeen: number;
  requests: number;
}

const CONFIG_KEY = "proxy";
const CLIENTS_KEY = "proxyClients";
/** Settings lists the most recent apps; a client that invents a new User-Agent per request cannot grow the row without bound. */
const MAX_CLIENTS = 50;

const configSchema = z.object({
  enabled: z.boolean(),
  port: z.number().int().min(1024).max(65535),
  baseUrl: z.string().max(2000).nullable(),
  model: z.string().max(200).nullable(),
  policy: z.enum(PROXY_POLICIES as [ProxyConfig["policy"], ...ProxyConfig["policy"][]]),
  timeoutMs: z.number().int().min(100).max(600_000),
});

/**
 * The proxy's settings and the apps that used it, as two rows of the `settings` table (whose
 * repository ignores keys it does not know, so the proxy needs no migration of its own).
 */
export class ProxyConfigRepo {
  constructor(private readonly db: Database.Database) {}

  get(): ProxyConfig {
    const stored = configSchema.partial().safeParse(this.read(CONFIG_KEY));
    return { ...DEFAULT_PROXY_CONFIG, ...(stored.success ? stored.data : {}) };
  }

  update(patch: Partial<ProxyConfig>): ProxyConfig {
    const next = configSchema.parse({ ...this.get(), ...patch });
    this.write(CONFIG_KEY, next);
    return next;
  }

  clients(): ProxyClient[] {
    const stored = z
      .array(z.object({ name: z.string(), firstSeen: z.number(), lastSeen: z.number(), requests: z.number() }))
      .safeParse(this.read(CLIENTS_KEY));
    return stored.success ? stored.data.sort((a, b) => b.lastSeen - a.lastSeen) : [];
  }

  record(name: string, now = Date.now()): void {
    const list = this.clients();
    const known = list.find((c) => c.name === name);
    if (known) Object.assign(known, { lastSeen: now, requests: known.requests + 1 });
    else list.unshift({ name, firstSeen: now, lastSeen: now, requests: 1 });
    this.write(CLIENTS_KEY, list.sort((a, b) => b.lastSeen - a.lastSeen).slice(0, MAX_CLIENTS));
  }

  private read(key: string): unknown {
    const row = this.db.prepare("SELECT value FROM settings WHERE key = ?").get(key) as { value: string } | undefined;
    try {
      return row ? JSON.parse(row.value) : undefined;
    } catch {
      return undefined;
    }
  }

  private write(key: string, value: unknown): void {
    this.db
      .prepare("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .run(key, JSON.stringify(value));
  }
}
