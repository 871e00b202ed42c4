/** One numbered schema change. Migrations run in order, each in its own transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
