import { getTinyModelPath } from "../../helpers/tinyModel";

/** The tiny model with a 4,096-token context: room for a profile, passages and a question. */
export const getRoomyTinyModelPath = (): Promise<string> => getTinyModelPath({ contextLength: 4096 });
