import { z } from 'zod';
import { defineChannels } from '../define';
import { districtSchema, municipalityRowSchema, regionSchema } from '../../domain/schemas';

const empty = z.object({}).strict();

export const registryChannels = defineChannels({
  'regions:list': {
    doc: 'All regions (kraje), in Czech order.',
    input: empty,
    output: z.array(regionSchema),
  },
  'districts:list': {
    doc: 'All districts (okresy), in Czech order.',
    input: empty,
    output: z.array(districtSchema),
  },
  'municipalities:list': {
    doc: 'Every municipality with district, region and partnership counts: the Members grid, in one query.',
    input: z.object({ membersOnly: z.boolean().optional() }).strict(),
    output: z.array(municipalityRowSchema),
  },
});
