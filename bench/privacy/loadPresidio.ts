import { readFileSync } from "node:fs";
import { z } from "zod";

/** presidio-research synth_dataset_v2.json (see ../shared/data/presidio-research-synth/SOURCE.md). */
const sampleSchema = z.object({
  full_text: z.string(),
  spans: z.array(
    z.object({
      entity_type: z.string(),
      entity_value: z.string(),
      start_position: z.number().int(),
      end_position: z.number().int(),
    }),
  ),
  template_id: z.number().int().optional(),
});

export interface GoldSpan {
  type: string;
  start: number;
  /** Exclusive. */
  end: number;
  value: string;
}

export interface PresidioSample {
  index: number;
  text: string;
  spans: GoldSpan[];
}

export function loadPresidio(path: string, limit?: number): PresidioSample[] {
  const data = z.array(sampleSchema).parse(JSON.parse(readFileSync(path, "utf8")));
  const samples = data.map((s, index) => ({
    index,
    text: s.full_text,
    spans: s.spans.map((g) => ({
      type: g.entity_type,
      start: g.start_position,
      end: g.end_position,
      value: g.entity_value,
    })),
  }));
  return limit === undefined ? samples : samples.slice(0, limit);
}
