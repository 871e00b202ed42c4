import winkNLP, { type WinkMethods } from "wink-nlp";
import model from "wink-eng-lite-web-model";

/** A feature of wink's core model: its values, how many were shipped, the most its bits can index. */
interface WinkFeature {
  list: unknown[];
  intrinsicSize?: number;
  maxIndex?: number;
}

/** The part of wink's core model read here: the lexeme list and the packed feature lists. */
interface WinkCore {
  features: Record<string, WinkFeature>;
}

/**
 * wink-eng-lite-web-model 1.8.1's metaCER() stringifies its own previous result on every call
 * (dist/load-cer-meta-model.js: `machines = JSON.stringify(machines)`): the string doubles with
 * each new wink instance, and the 21st throws "Invalid string length". Built once and shared
 * (a string, never written to), every rebuild gets what the first instance got.
 */
let metaCERModel: unknown;
function metaCER(): unknown {
  metaCERModel ??= (model.metaCER as () => unknown)();
  return metaCERModel;
}

export interface BoundedTaggerOptions {
  /**
   * Words wink may add to its lexicon before the next document gets a fresh tagger. Default
   * 100,000: ~11 MB of heap (~115 bytes a word) on top of the model's ~9 MB, and one reload
   * (~0.1 s CPU) per 100,000 new words — ~1 MB of text made mostly of names and codes.
   */
  maxAddedWords?: number;
}

/**
 * wink-nlp with its English light model, part-of-speech tagging only, rebuilt when it has learnt
 * too much. No sentence splitting ("sbd"): wink-nlp 2.4's readDoc runs its sentence automata on
 * the tokens only to fill `rdd.sentences` (sbd-setter.js writes nothing else, the automata and
 * their transformer only read tokens and the cache), and its POS automata run over the whole
 * document's tokens without reading sentences: the tags are the same, ~10% of a readDoc cheaper.
 * Nothing here reads sentences (tagWords takes the document's tokens). wink adds every token it has not seen to an in-memory
 * lexicon (wink-nlp src/cache.js, add()) and has no API to turn that off or to forget, so a
 * tagger that sanitizes text for days grows with every new word. Tags do not depend on what was
 * learnt (a learnt word's features are computed from the word alone), so a fresh tagger tags the
 * same. The bound is checked before a document (one paragraph) is read, never inside one.
 *
 * Also rebuilt before a packed feature list (word shape, prefix, suffix) passes half of the
 * bits wink packs its index into: wink does not check that limit (cache.js, "not required right
 * now!"), and past it a word's shape index would spill into its other features' bits.
 */
export class BoundedTagger {
  private nlp: WinkMethods | null = null;
  /** The core model wink built for `nlp`: wink keeps no handle to it we could read. */
  private core: WinkCore | null = null;
  private reloads = 0;
  private readonly maxAddedWords: number;

  constructor(options: BoundedTaggerOptions = {}) {
    this.maxAddedWords = options.maxAddedWords ?? 100_000;
  }

  /** The tagger for the next document: the current one, or a fresh one if it outgrew its bound. */
  tagger(): WinkMethods {
    if (this.nlp && this.outgrown()) {
      this.nlp = null;
      this.reloads++;
    }
    // model.core() builds a fresh core model per call (it parses the shipped JSON): wrap it to
    // keep a handle on the lexicon this instance grows.
    const buildCore = model.core as () => WinkCore;
    this.nlp ??= winkNLP({ ...model, core: () => (this.core = buildCore()), metaCER }, ["pos"]);
    return this.nlp;
  }

  /** Words the current tagger added beyond its shipped lexicon, and how often it was rebuilt. */
  stats(): { addedWords: number; reloads: number } {
    const lexeme = this.core?.features.lexeme;
    return { addedWords: lexeme ? lexeme.list.length - (lexeme.intrinsicSize ?? 0) : 0, reloads: this.reloads };
  }

  private outgrown(): boolean {
    if (this.stats().addedWords > this.maxAddedWords) return true;
    const features = Object.values(this.core?.features ?? {});
    return features.some((f) => f.maxIndex !== undefined && f.list.length > f.maxIndex / 2);
  }
}
