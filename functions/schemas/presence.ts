import { z } from 'zod';

/** Body of the presence heartbeat. `typing` is true while the agent is writing a reply. */
export const presenceBody = z.strictObject({
  typing: z.boolean().optional(),
});
