import { isCommonWord } from "../commonWords";
import { isEnglishWord } from "../names/englishWords";
import { backtickSpans, isCodeUse, isProgrammingText } from "./programmingContext";
import { groupSpans, matchAll, type Recognizer, type Span } from "./Recognizer";

/**
 * Usernames and handles without "@" (en/de/fr, folded text):
 * - after a cue: "username: dark_knight", "my gamertag is Xx_Sn1per", "Benutzername lautet
 *   kati.m", "mon pseudo est loulou75", "my instagram is anna.w";
 * - alone, when the token has the shape of a handle: word_word123, camelCase with digits
 *   ("JohnDoe92"), or a name-like run of letters with two or more digits ("jdoe1987");
 *   word_word without digits only outside code (snakeCaseHandles, programmingContext.ts).
 * Near misses left alone: product and standard codes ("MP3", "B2B", "H264", "COVID-19",
 * "iPhone15", "x86_64", "SHA256", "Win10", "Python3"): their letters are an acronym, a short
 * prefix or a dictionary word.
 */
const CUE = String.raw`(?:user\s*name|user\s*id|username|login|log-in|benutzer(?:name|kennung)?|nutzername|anmeldename|pseudo(?:nyme)?|identifiant|nom\s+d'utilisateur|handle|gamer\s*tag|gamertag|nick(?:name)?|screen\s*name|display\s*name|account\s+name|(?:my|mein|mon)\s+(?:account|konto|compte)|(?:insta(?:gram)?|twitter|tiktok|discord|steam|twitch|reddit|github|gitlab|telegram|skype|snapchat|xbox|psn|spotify|youtube)(?:\s+(?:name|handle|account|id))?)`;
const AFTER_CUE = new RegExp(
  String.raw`(?<![A-Za-z])${CUE}(?:\s+(?:on|for|at|in|auf|bei|für|fur|sur|pour|chez|the|my|der|die|dem|le|la|mon)(?:\s+[A-Za-z-]+){0,2})?\s*(?:(?:is|ist|est|lautet|was|war|:|=|-)\s*)+["'“«]?\s*([A-Za-z0-9][A-Za-z0-9_.\-]{1,30}[A-Za-z0-9_]|[A-Za-z0-9]{2})(?![A-Za-z0-9@]|\.[A-Za-z])`,
  "dgi",
);
// Standalone shapes. word_word123 / word_word; camelCase+digits; letters+2 digits.
// ASCII classes and no u flag: the text is folded, and Unicode-mode matching costs about twice the scan.
const UNDERSCORED = /(?<![A-Za-z0-9_@.\-/\\])[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?![A-Za-z0-9_@]|\.[A-Za-z(]|\()/g;
const LETTERS_DIGITS = /(?<![A-Za-z0-9_@.\-/\\#$€£])([A-Za-z]{4,24})(\d{2,4})(?![A-Za-z0-9_@%]|\.\d|\.[A-Za-z])/g;

/** A cue followed by an ordinary word ("username is required", "login failed") is not a handle. */
function isPlausibleCuedHandle(value: string): boolean {
  return (
    /[\d_.]/.test(value) || /[a-z][A-Z]/.test(value) || !(isCommonWord(value) || isEnglishWord(value.toLowerCase()))
  );
}

/** word_word123: a handle wherever it stands ("cool_cat_99"), unless an architecture or a CONSTANT. */
function isHandleShaped(token: string): boolean {
  if (!/\d/.test(token)) return false;
  const parts = token.split("_").filter(Boolean);
  return parts.length >= 2 && parts.some((p) => /^[A-Za-z]{3,}/.test(p)) && !/^x86|^[A-Z0-9_]+$/.test(token);
}

/**
 * word_word without digits ("initi_user", "dark_knight"): a handle in prose. In a text about
 * programming, in backticks or used as a name in code ("max_tokens=", "user_id(") it is an
 * identifier ("max_tokens", "user_id") and stays.
 */
function snakeCaseHandles(text: string): Span[] {
  let programming: boolean | undefined;
  const code = backtickSpans(text);
  return matchAll(text, UNDERSCORED, "HANDLE", (m) => {
    const token = m[0];
    if (/\d/.test(token) || /^[A-Z_]+$/.test(token)) return false;
    const parts = token.split("_");
    if (parts.some((p) => p.length < 2) || !parts.some((p) => p.length >= 3)) return false;
    const start = m.index ?? 0;
    if (isCodeUse(text, start, start + token.length, code)) return false;
    programming ??= isProgrammingText(text);
    return !programming;
  });
}

function looksLikeUsername(m: RegExpMatchArray): boolean {
  const letters = m[1] ?? "";
  if (!/^(?:[A-Z]?[a-z]+){1,3}$/.test(letters)) return false; // "jdoe", "JohnDoe"; not "ABC" or "aBCd"
  // "iPhone15", "Python39", "Windows10": a single dictionary word (or a product's lowercase-capital shape) then a number.
  if (/^[a-z][A-Z]/.test(letters) || isEnglishWord(letters.toLowerCase()) || isCommonWord(letters)) return false;
  return true;
}

export const bareHandle: Recognizer = (text) => {
  if (!/[\d_]|name|login|pseudo|handle|tag|account|konto|compte/i.test(text)) return [];
  const spans: Span[] = groupSpans(text, AFTER_CUE, "HANDLE", 1, isPlausibleCuedHandle);
  if (text.includes("_"))
    spans.push(...matchAll(text, UNDERSCORED, "HANDLE", (m) => isHandleShaped(m[0])), ...snakeCaseHandles(text));
  if (/\d\d/.test(text)) spans.push(...matchAll(text, LETTERS_DIGITS, "HANDLE", looksLikeUsername));
  return spans;
};
