import { isCommonWord } from "../commonWords";
import { isEnglishWord } from "../names/englishWords";
import { groupSpans, matchAll, type Recognizer, type Span } from "./Recognizer";

/**
 * One cue list for every secret (issue #11: `secret` and the former `passwordToken` read the same words).
 * PASSWORD_WORD: the words for a password ("password", "Passwort", "Kennwort", "mot de passe", "mdp",
 * "passcode"); PASSWORD_KEY: the same as a key or variable name in code ("db_password", "PWD", "pin");
 * PASSWORD_CUE: the words before a password or PIN in a sentence ("my PIN is …", "code d'accès : …").
 */
const PASSWORD_WORD = String.raw`(?:password|passwort|kennwort|passcode|mot\s+de\s+passe|mdp)`;
const PASSWORD_KEY = String.raw`(?:password|passwd|pwd|passwort|kennwort|motdepasse|mot de passe|pin)`;
const PASSWORD_CUE = String.raw`(?:${PASSWORD_WORD}|pass\s*code|passphrase|pass\s*phrase|pwd|pin(?:[\s-]*code)?|code\s+pin|code\s+secret|code\s+d'acc[eè]s|geheimzahl|zugangscode)`;
// Keys and variables that hold a credential: "client_secret=…", "api_key: …", "password: hunter2".
const ASSIGNED = new RegExp(
  String.raw`(?<![\p{L}\p{N}_])(?:api[_-]?key|secret|client_secret|client_id|token|access_token|refresh_token|id_token|auth(?:orization)?|${PASSWORD_KEY}|code|bearer)\s*[=:]\s*["']?(?!bearer\s)([^\s"'&,;]{4,})`,
  "dgiu",
);
const BEARER = /(?<![\p{L}\p{N}])Bearer\s+([A-Za-z0-9._~+/-]{16,}=*)/dgu;
// Long tokens mixing letters and digits: keys, hashes, JWTs.
const LONG_TOKEN =
  /(?<![\p{L}\p{N}._\-/])(?=[A-Za-z0-9._-]*\d)(?=[A-Za-z0-9._-]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9._-]{23,}(?![\p{L}\p{N}])/gu;
const LONG_RUN = /[A-Za-z0-9._-]{24}/;
// Short ids: a few letters then six or more digits ("c1666544295", "KJ046613", "M633326333").
const LETTER_ID = /(?<![\p{L}\p{N}@.\-/_])[A-Za-z]{1,3}\d{6,}(?![\p{L}\p{N}.\-/])/gu;

/**
 * Credentials and account-like codes, one recognizer: "client_secret=…", "api_key: …", "password:
 * hunter2", long random tokens (keys, JWTs), identifiers mixing letters and digits ("c1666544295",
 * "KJ046613") — customer, ticket or device ids that name one person's record — and passwords by
 * their shape or their cue (passwordTokens, below).
 */
export const secret: Recognizer = (text) => [...keysAndIds(text), ...passwordTokens(text)];

function keysAndIds(text: string): Span[] {
  if (!/\d|=|:/.test(text)) return [];
  const spans: Span[] = [
    ...groupSpans(
      text,
      ASSIGNED,
      "SECRET",
      1,
      (v) => /[\p{L}\p{N}]/u.test(v) && !/^(?:\d{1,3}|true|false|null|none)$/i.test(v),
    ),
    ...groupSpans(text, BEARER, "SECRET"),
    // Scanned only where a match is possible (speed, issue #11): 24 token characters in a row, six digits in a row.
    ...(LONG_RUN.test(text)
      ? matchAll(text, LONG_TOKEN, "SECRET", (m) => !/^\d[\d.-]*$/.test(m[0]) && (m[0].match(/\d/g)?.length ?? 0) >= 4)
      : []),
    ...(/\d{6}/.test(text) ? matchAll(text, LETTER_ID, "ID") : []),
  ];
  return spans;
}

/**
 * Password-shaped tokens (issue #11): the user's own secret, en/de/fr.
 * - Anywhere: one token mixing letters (three or more), a digit and a symbol that people put
 *   into passwords (@ ! # $ &) between two letters or digits: "Summer@2024", "P@ssw0rd!",
 *   "Tr0ub4dor&3", "Beltline@1221".
 * - After a cue (password, passcode, PIN, Passwort, Kennwort, mot de passe…) and "is /
 *   ist / lautet / est / : / =": the value, if it has a digit, a symbol or an inner capital
 *   ("my password is hunter2", "mein Passwort lautet Sommer2024", "code PIN : 4821"); right after
 *   the cue without a verb, 4–8 digits after PIN ("my PIN 4821") or letters mixed with digits
 *   after password ("Passwort Sommer2024").
 * - In code: the value assigned to a variable or key named like a password
 *   (`db_password = "…"`, `"Passwort": "…"`).
 * The value after "login" is the user name (bareHandle types it HANDLE); a password-shaped
 * token after it is found by the first rule.
 * Near misses left alone: e-mail addresses and user@host (a dot after "@", typed by email/url),
 * package specs ("react@18", "vue@3.4"), asset names ("icon@2x"), display modes ("4K@120Hz"),
 * money ("US$100"), references ("issue#123"), query strings ("a=1&b=2"), and every token
 * without one of those symbols ("COVID-19", "A4", "3.5mm", "24/7", "v2.1.0", "x86_64", "Wi-Fi").
 */
const TOKEN_CHARS = String.raw`[A-Za-z0-9!@#$%&*?~^+=|_.\-]`;
// A token with one identity symbol between two letters/digits; starts after a space, quote or bracket.
const SHAPED = new RegExp(
  String.raw`(?<=^|[\s"'“«(\[<,;])(${TOKEN_CHARS}*[A-Za-z0-9][@!#$&][A-Za-z0-9]${TOKEN_CHARS}*)`,
  "dg",
);
// Cue, up to three words ("for my wifi"), a verb or sign, an optional quote, the value.
const CUED = new RegExp(
  String.raw`(?<![A-Za-z])${PASSWORD_CUE}(?:\s+[A-Za-z'-]+){0,3}?(?:\s+(?:is|ist|est|lautet|was|war)\b|\s*[:=])\s*["'“«]?\s*([^\s"'”»,;]{4,64})`,
  "dgi",
);
// Right after the cue, no verb: "my PIN 4821", "PIN-Code 4821", "Passwort Sommer2024", "mot de passe soleil75".
const PIN_NEXT = /(?<![A-Za-z])(?:pin(?:[\s-]*code)?|code\s+pin|geheimzahl)\s+(\d{4,8})(?![\d.,:/-]\d)/dgi;
const PASSWORD_NEXT = new RegExp(
  String.raw`(?<![A-Za-z])${PASSWORD_WORD}\s+["'“«]?([A-Za-z0-9!@#$&*?~^+_.-]{4,64})`,
  "dgi",
);
// `uhaul_password = "…"`, `"Passwort": "…"`, `DB_PASSWORD=…`: a password variable or key in code.
const QUOTED_ASSIGNED = new RegExp(
  String.raw`(?<![A-Za-z0-9])(?:[A-Za-z0-9]+_)*${PASSWORD_KEY}["']?\s*[=:]\s*(["'])([^"'\s]{4,64})\1`,
  "dgi",
);

const SYMBOL = /[!@#$&*?~^+=|%]/;

/** The token has the look of something chosen to be hard to guess. */
function isPasswordShaped(token: string): boolean {
  if (!/\d/.test(token) || (token.match(/[A-Za-z]/g)?.length ?? 0) < 3) return false;
  if (token.length < 6 || token.length > 64 || token.includes("=") || token.includes("://")) return false;
  const at = token.lastIndexOf("@");
  if (at >= 0) {
    const after = token.slice(at + 1);
    if (after.includes(".")) return false; // e-mail, user@host, pkg@1.2.3
    if (/^\d+x$|^\d+(?:hz|fps|p)$/i.test(after)) return false; // icon@2x, 4K@120Hz
    if (/^[a-z][a-z0-9._\-/]*$/.test(token.slice(0, at)) && /^[~^]?\d{1,3}$/.test(after)) return false; // react@18
  }
  if (/^[#@]/.test(token)) return false; // hashtags ("#Love#Summer2024") and mentions (handle.ts)
  if (/^[A-Z]{1,3}\$[\d.,]+[kmb]?n?$/i.test(token)) return false; // US$100, C$5k
  if (/^[^@!$&]*#\d+$/.test(token)) return false; // issue#123, Room#12
  return true;
}

/** A value after a password cue: a digit, a symbol or an inner capital — not an ordinary word ("required"). */
function isCuedSecret(value: string): boolean {
  const v = value.replace(/[.!?)]+$/, "");
  if (v.length < 4 || /^\d{1,3}$/.test(v)) return false;
  if (/^\d{4,12}$/.test(v)) return true;
  if (!/\d/.test(v) && !SYMBOL.test(v) && !/[a-z][A-Z]/.test(v)) return false;
  return !/^(?:\d+(?:[.,]\d+)?\s*)?(?:characters?|chars?|zeichen|caract[eè]res?|digits?|stellen|chiffres?)$/i.test(v);
}

/** A value right after "password" with no verb: letters and digits mixed ("Sommer2024") or a password symbol. */
function isNextToCueSecret(value: string): boolean {
  const v = value.replace(/[.!?]+$/, "");
  return /\d/.test(v) && (/[A-Za-z]/.test(v) || SYMBOL.test(v)) && !/^\d+(?:st|nd|rd|th|x)?$/i.test(v);
}

/** A quoted value assigned to a password variable: anything but a placeholder word ("password", "changeme"). */
function isAssignedSecret(value: string): boolean {
  if (/\d/.test(value) || SYMBOL.test(value)) return !/^\$\{?[A-Za-z_]+\}?$|^%\w+%$/.test(value);
  return !(isCommonWord(value) || isEnglishWord(value.toLowerCase()));
}

/** Password-shaped tokens and the values after a password cue or in a password variable. */
function passwordTokens(text: string): Span[] {
  const spans: Span[] = [];
  if (/[A-Za-z0-9][@!#$&][A-Za-z0-9]/.test(text))
    spans.push(...groupSpans(text, SHAPED, "SECRET", 1, (v) => isPasswordShaped(v.replace(/[.,;:!?)]+$/, ""))));
  if (/pass|pin|kennwort|mdp|pwd|code|zahl/i.test(text)) {
    spans.push(...groupSpans(text, CUED, "SECRET", 1, isCuedSecret));
    spans.push(...groupSpans(text, QUOTED_ASSIGNED, "SECRET", 2, isAssignedSecret));
    spans.push(...groupSpans(text, PIN_NEXT, "SECRET"));
    spans.push(...groupSpans(text, PASSWORD_NEXT, "SECRET", 1, isNextToCueSecret));
  }
  return spans.map((s) => ({ ...s, end: trimEnd(text, s.start, s.end) }));
}

/** Sentence punctuation after a token is not part of it; a "!" right after a symbol-shaped password is. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start + 1 && /[.,;:)?]/.test(text[e - 1] ?? "")) e--;
  return e;
}

// Home directories name their user: "C:\Users\lidor\…", "/home/anna/…", "/Users/anna/…".
const HOME_DIR = /(?:[A-Za-z]:\\+(?:Users|Documents and Settings)\\+|\/(?:home|Users)\/)([^\\/\s"'<>|:]+)/dgiu;

export const homeDirectory: Recognizer = (text) =>
  /users|home|settings/i.test(text)
    ? groupSpans(text, HOME_DIR, "OTHER", 1, (v) => !/^(?:public|default|shared|all users|root)$/i.test(v))
    : [];
