export interface MutationGroup {
  name: string;
  mutate: string[];
  tests: string[];
}
export declare const MUTATION_GROUPS: MutationGroup[];
export declare function currentGroup(): MutationGroup | undefined;
