import { matchAll, type Recognizer } from "./Recognizer";

// "@anna_w" — not the middle of an e-mail (the lookbehind), not "@ 5pm".
const HANDLE =
  /(?<![\p{L}\p{N}._%+\-@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\p{L}\p{N}@]|\.[A-Za-z])/gu;

export const handle: Recognizer = (text) => (text.includes("@") ? matchAll(text, HANDLE, "HANDLE") : []);
