import { z } from 'zod';
import { datePrecision, unreadableDateMessage } from './dates';

/**
 * A stored date at any precision (the schema of fields that may hold a year or a month). Apart
 * from `dates.ts` so that the window's first screen, which formats dates, loads no zod.
 */
export const partialDate = z.string().superRefine((value, ctx) => {
  if (datePrecision(value) !== null) return;
  // A day the calendar lacks ("2023-02-29", "31. 2. 2010") is said so, not sent to the forms a date takes.
  ctx.addIssue({ code: 'custom', message: unreadableDateMessage(value) });
});
