import { migration001 } from "./001_initial";
import { migration002 } from "./002_privacy";
import { migration003 } from "./003_context";
import { migration004 } from "./004_answer_variants";
import { migration005 } from "./005_auto_mode";
import { migration006 } from "./006_message_mode";
import { migration007 } from "./007_vault_version";
import { migration008 } from "./008_search_prefixes";
import { migration009 } from "./009_search_leaf_size";
import { migration010 } from "./010_search_merge_in_background";
import { migration011 } from "./011_vault_capital_only";
import type { Migration } from "./Migration";

/** Every migration, in order. Add a new file per change; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
];
