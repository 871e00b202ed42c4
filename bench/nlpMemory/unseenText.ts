/**
 * A deterministic stream of English paragraphs full of tokens no lexicon holds: made-up names,
 * order codes, numbers, mixed letter–digit words. Generated here (never taken from a dev set) so
 * that almost every paragraph brings wink-nlp words it has not seen.
 */

import { seededRandom } from "../../native-models/gguf/seededRandom";

const ONSETS = ["b", "br", "ch", "d", "f", "g", "gr", "h", "k", "l", "m", "n", "p", "r", "s", "st", "t", "v", "w", "z"];
const VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "y"];
const CODAS = ["", "", "n", "r", "s", "l", "th", "x", "ck", "nd"];
const TEMPLATES = [
  "Please send invoice {code} to {name} at {num} {word} Street before {num} May.",
  "{name} called about ticket {code}; the {word} unit {mixed} failed {num} times.",
  "Our supplier {word} Ltd moved order {code} to {name}, who owns {num} {word} licences.",
  "I met {name} and {name} in {word}ville; they asked for {mixed} and {num} spare {word}s.",
];

export function unseenParagraphs(seed = 7): () => string {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const syllable = () => pick(ONSETS) + pick(VOWELS) + pick(CODAS);
  const word = () => syllable() + syllable() + (rand() < 0.5 ? syllable() : "");
  const capital = (w: string) => w[0]!.toUpperCase() + w.slice(1);
  const digits = (n: number) => String(Math.floor(rand() * 10 ** n)).padStart(n, "0");
  const fill: Record<string, () => string> = {
    name: () => `${capital(word())} ${capital(word())}`,
    code: () => `${word().slice(0, 2).toUpperCase()}-${digits(4)}-${word().slice(0, 3)}`,
    num: () => digits(1 + Math.floor(rand() * 4)),
    word,
    mixed: () => `${word().slice(0, 3)}${digits(2)}${capital(word().slice(0, 3))}`,
  };
  const sentence = () => pick(TEMPLATES).replace(/\{(\w+)\}/g, (_, key: string) => fill[key]!());
  return () => Array.from({ length: 3 + Math.floor(rand() * 4) }, sentence).join(" ");
}
