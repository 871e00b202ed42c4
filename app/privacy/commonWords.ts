/**
 * Words that are also names ("Will", "Rose", "Mark", "Frank", "Weiß") or too ordinary to replace
 * when they appear in lowercase. A name part in this set is matched only when capitalized, and
 * the NLP step never reports such a word alone.
 */
const WORDS = `
a an the and or but if of to in on at by for with from as is are was were be been am i me my
you your he she it we they them his her its our their this that these those there here what
who whom which when where why how all any some no not yes so than then too very can will just
may might must shall should would could do does did done have has had get got go goes went make
new old good great best long young rich king queen prince hope grace joy faith mercy rose lily
iris daisy ivy holly hazel ruby pearl amber crystal dawn eve summer autumn winter spring april
may june august bill mark frank will sue pat rob sterling bob chase drew guy jack jean ray
don grant lance miles max jimmy earl duke royal dean hunter cash gay gene rusty sandy sunny
brown black white green gray grey wood woods stone hill hall park street lane road bank banks
church field fields ford forest lake love moon sun star storm fox wolf bird baker cook
miller taylor carter mason page price rich rice sharp strong well wells west north south east
main first last next monday tuesday wednesday thursday friday saturday sunday
january february march july september october november december
christmas easter halloween thanksgiving hanukkah ramadan eid diwali weihnachten ostern silvester noel paques toussaint
dear hello hi hey hallo bonjour salut thanks thank regards best cheers sincerely
mr mrs ms miss dr prof sir madam herr frau m mme mlle
der die das ein eine und oder aber wenn von zu im in am an auf mit bei fur für ist sind war
ich du er sie es wir ihr mein meine dein sein unser euer neu alt gut lieber liebe sehr
weiss weiß schwarz braun gross klein lang kurz jung koch fischer schneider
le la les un une et ou mais si de du des a au aux en dans sur avec pour par est sont etait
je tu il elle nous vous ils elles mon ma mes ton ta ses notre votre leur cher chere madame
blanc noir petit grand bon bonne rose roux
`;

const SET = new Set(WORDS.split(/\s+/).filter(Boolean));

export function isCommonWord(word: string): boolean {
  return SET.has(word.toLowerCase());
}

/**
 * The part of the list so frequent as ordinary words that a known name part spelled like one is
 * matched only capitalized ("will", "may", "mark"). Rarer ones ("lily", "rose") are matched in
 * any case once the conversation knows the person: "write to lily" then means Lily Hart.
 */
const VERY_COMMON = new Set(
  `a an the and or but if of to in on at by for with from as is are was were be been am i me my you your he she it we they
  them his her its our this that what who which when where why how all any some no not yes so than then too very can will just
  may might must shall should would could do does did have has had get got go make new old good great best long young rich
  king hope grace joy faith mark bill frank sue pat rob drew guy jack ray don grant miles max dean earl chase well west north
  south east main first last next dear hello hi hey thanks thank regards cheers sincerely
  der die das ein eine und oder aber wenn von zu im am an auf mit bei ist sind war ich du er sie es wir ihr sehr gut neu alt
  le la les un une et ou mais si de du des au aux en dans sur avec pour par est sont je tu il elle nous vous bon bonne grand petit`.split(/\s+/),
);

export function isVeryCommonWord(word: string): boolean {
  return VERY_COMMON.has(word.toLowerCase());
}
