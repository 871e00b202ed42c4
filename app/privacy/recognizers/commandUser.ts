import { isCommonWord } from "../commonWords";
import { isEnglishWord } from "../names/englishWords";
import { PUBLIC_NAMES } from "../names/nameTokens";
import type { Recognizer, Span } from "./Recognizer";

/**
 * The account a programming question names in a command (issue #11, handles): the login of
 * `ssh alice_w@build-01`, `scp f hkoch@fileserver:/tmp`, `rsync -a . mwilson@prod1:` — a login on a
 * host, where no e-mail recognizer looks (the host has no top-level domain) — and the value of
 * `git config user.name jdoe` / `user.name "Max Mustermann"` (a handle, or a person when it has a space).
 * An account that is an everyday or English word or a public software name is a shared
 * default, not a person's ("root@", "git@", "deploy@", "ubuntu@"), and stays.
 */
const REMOTE_USER =
  /\b(?:ssh|scp|sftp|rsync|mosh|ssh-copy-id)\b[^\n]{0,80}?(?<![\w.@%+-])([A-Za-z_][A-Za-z0-9_.-]{0,31})@[A-Za-z0-9][\w-]*(?:\.[\w-]+)*/g;
const GIT_USER_NAME = /\buser\.name\b\s*=?\s*(?:"([^"\n]{2,60})"|'([^'\n]{2,60})'|([A-Za-z0-9][\w.-]{0,38}[\w]))/g;

function isSharedAccount(user: string): boolean {
  const lower = user.toLowerCase();
  return isCommonWord(lower) || isEnglishWord(lower) || PUBLIC_NAMES.has(lower);
}

export const commandUser: Recognizer = (text) => {
  if (!/ssh|scp|sftp|rsync|mosh|user\.name/.test(text)) return [];
  const spans: Span[] = [];
  for (const m of text.matchAll(REMOTE_USER)) {
    const user = m[1] as string;
    if (isSharedAccount(user)) continue;
    // The login with its host: a host is often the user's own machine ("hkoch-laptop"), and "@host" alone reads as a handle.
    const start = (m.index ?? 0) + m[0].lastIndexOf(`${user}@`);
    spans.push({ start, end: (m.index ?? 0) + m[0].length, type: "HANDLE" });
  }
  for (const m of text.matchAll(GIT_USER_NAME)) {
    const value = (m[1] ?? m[2] ?? m[3] ?? "").trim();
    if (value.length < 2 || isSharedAccount(value)) continue;
    const start = (m.index ?? 0) + m[0].lastIndexOf(value);
    spans.push({ start, end: start + value.length, type: /\s/.test(value) ? "PERSON" : "HANDLE" });
  }
  return spans;
};
