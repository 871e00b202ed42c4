import { groupSpans, matchAll, type Recognizer, type Span } from "./Recognizer";

/**
 * Credentials and account-like codes: "client_secret=…", "api_key: …", "password: hunter2",
 * long random tokens (keys, JWTs), and identifiers mixing letters and digits ("c1666544295",
 * "KJ046613") — customer, ticket or device ids that name one person's record.
 */
const ASSIGNED =
  /(?<![\p{L}\p{N}_])(?:api[_-]?key|secret|client_secret|client_id|token|access_token|refresh_token|id_token|auth(?:orization)?|password|passwort|mot de passe|passwd|pwd|pin|code|bearer)\s*[=:]\s*["']?(?!bearer\s)([^\s"'&,;]{4,})/dgiu;
const BEARER = /(?<![\p{L}\p{N}])Bearer\s+([A-Za-z0-9._~+/-]{16,}=*)/dgu;
// Long tokens mixing letters and digits: keys, hashes, JWTs.
const LONG_TOKEN =
  /(?<![\p{L}\p{N}._\-/])(?=[A-Za-z0-9._-]*\d)(?=[A-Za-z0-9._-]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9._-]{23,}(?![\p{L}\p{N}])/gu;
const LONG_RUN = /[A-Za-z0-9._-]{24}/;
// Short ids: a few letters then six or more digits ("c1666544295", "KJ046613", "M633326333").
const LETTER_ID = /(?<![\p{L}\p{N}@.\-/_])[A-Za-z]{1,3}\d{6,}(?![\p{L}\p{N}.\-/])/gu;

export const secret: Recognizer = (text) => {
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
};

// Home directories name their user: "C:\Users\lidor\…", "/home/anna/…", "/Users/anna/…".
const HOME_DIR = /(?:[A-Za-z]:\\+(?:Users|Documents and Settings)\\+|\/(?:home|Users)\/)([^\\/\s"'<>|:]+)/dgiu;

export const homeDirectory: Recognizer = (text) =>
  /users|home|settings/i.test(text)
    ? groupSpans(text, HOME_DIR, "OTHER", 1, (v) => !/^(?:public|default|shared|all users|root)$/i.test(v))
    : [];
