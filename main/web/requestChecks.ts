import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** True when the request carries `Authorization: Bearer <token>` (compared in constant time). */
export function isAuthorized(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? "";
  const match = /^Bearer (\S+)$/i.exec(header);
  if (!match) return false;
  const given = Buffer.from(match[1]!, "utf8");
  const expected = Buffer.from(token, "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Refuses requests that name another host (DNS rebinding: evil.example resolving to 127.0.0.1)
 * or that a page from another origin sent (its browser adds an Origin header we can check).
 */
export function isSameOrigin(req: IncomingMessage, origin: string): boolean {
  const { port } = new URL(origin);
  const host = req.headers.host ?? "";
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return false;
  const from = req.headers.origin;
  if (from === undefined) return true;
  return from === origin || from === `http://localhost:${port}`;
}
