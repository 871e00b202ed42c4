import { getTinyModelPath } from "../../helpers/tinyModel";

/** The tiny model with a 4,096-token context: room for a profile, passages and a question. */
export const getRoomyTinyModelPath = (): Promise<string> => getTinyModelPath({ contextLength: 4096 });

/**
 * The roomy model that never ends an answer by itself, for tests that need the local model to
 * write something: with random weights, the stock one writes its end token first about once in a
 * hundred answers, leaving an empty sketch or draft. Answers run to maxAnswerTokens.
 */
export const getRoomyEndlessTinyModelPath = (): Promise<string> =>
  getTinyModelPath({ contextLength: 4096, endsAnswers: false });
