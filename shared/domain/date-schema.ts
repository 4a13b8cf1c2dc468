import { z } from 'zod';
import { datePrecision } from './dates';

/**
 * A stored date at any precision (the schema of fields that may hold a year or a month). Apart
 * from `dates.ts` so that the window's first screen, which formats dates, loads no zod.
 */
export const partialDate = z.string().refine((value) => datePrecision(value) !== null, 'validation.partialDate');
