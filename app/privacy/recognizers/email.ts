import { matchAll, type Recognizer } from "./Recognizer";

// Run after normalize(), so "anna dot weber at gmx dot de" already reads "anna.weber@gmx.de".
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,24}(?![\p{L}\p{N}])/gu;

export const email: Recognizer = (text) => (text.includes("@") ? matchAll(text, EMAIL, "EMAIL") : []);
