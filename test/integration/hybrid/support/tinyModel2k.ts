import { getTinyModelPath } from "../../../helpers/tinyModel";

/**
 * The tiny model with a 2048-token training context: the stock one is capped at 512 tokens, and a
 * Hybrid sketch prompt (system prompt, sketch instructions, context block, instruction) needs ~700.
 */
export const getTinyModel2kPath = (): Promise<string> => getTinyModelPath({ contextLength: 2048 });

/**
 * The same, but it never ends an answer by itself: for tests that need an answer's text (the stock
 * one may end at its first token). Every answer runs to the test's maxAnswerTokens, so set one.
 */
export const getEndlessTinyModel2kPath = (): Promise<string> =>
  getTinyModelPath({ contextLength: 2048, endsAnswers: false });
