import { getTinyModelPath } from "../../helpers/tinyModel";

/**
 * The tiny model that never ends an answer by itself, so each answer runs to maxAnswerTokens: the
 * stock one ends most answers after a few dozen tokens — too quick to press Stop in the middle.
 */
export const getEndlessTinyModelPath = (): Promise<string> => getTinyModelPath({ endsAnswers: false });
