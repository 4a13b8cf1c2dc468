import type { z } from 'zod';

/** A renderer→core call: zod schemas of its input and output, and what it does. */
export type ChannelSpec = {
  readonly input: z.ZodType;
  readonly output: z.ZodType;
  readonly doc: string;
};

/** Declares a group of channels, keeping their literal types. */
export const defineChannels = <const T extends Record<`${string}:${string}`, ChannelSpec>>(channels: T): T => channels;
