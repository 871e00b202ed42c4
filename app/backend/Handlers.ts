import type { z } from "zod";
import type { CHANNELS, Channel, ReplyOf } from "../contract/channels";

/** The core's implementation of one channel: gets the validated request, returns the reply. */
export type Handler<C extends Channel> = (
  request: z.output<(typeof CHANNELS)[C]["request"]>,
) => Promise<ReplyOf<C>> | ReplyOf<C>;

/** Every channel of the contract must have a handler: the compiler checks this map is complete. */
export type Handlers = { [C in Channel]: Handler<C> };
