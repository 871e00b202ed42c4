import { migration001 } from "./001_initial";
import type { Migration } from "./Migration";

/** Every migration, in order. Add a new file per change; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [migration001];
