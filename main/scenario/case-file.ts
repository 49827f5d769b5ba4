import { z } from 'zod';

/** The scripted-case format of ../shared/cases (checkout/ and picking/). */
export const CaseFile = z.object({
  name: z.string(),
  source: z.string().optional(),
  setup: z
    .object({
      import: z.array(z.string()).optional(),
      config: z.record(z.string(), z.unknown()).optional(),
      fulfillment_requests: z.array(z.unknown()).optional(),
    })
    .default({}),
  steps: z.array(z.record(z.string(), z.unknown())).min(1),
});
export type CaseFile = z.infer<typeof CaseFile>;
export type Step = CaseFile['steps'][number];
