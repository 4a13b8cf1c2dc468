import { z } from 'zod';
import { expandRows } from './compact-rows';

/**
 * The output schema of a compact grid answer (`CompactRows`) whose rows are `row`: the fields must
 * be exactly the row schema's keys, and every row, made into its object, must pass that schema.
 * (Answers are checked against their schema in tests and development only.)
 */
export function compactRowsSchema<Shape extends z.ZodRawShape>(row: z.ZodObject<Shape>) {
  const keys = Object.keys(row.shape).sort();
  return z
    .object({ fields: z.array(z.string()), rows: z.array(z.array(z.unknown())) })
    .strict()
    .superRefine((value, ctx) => {
      const fields = [...value.fields].sort();
      if (fields.length !== keys.length || fields.some((field, index) => field !== keys[index])) {
        ctx.addIssue({ code: 'custom', path: ['fields'], message: `fields must be ${keys.join(', ')}` });
        return;
      }
      const wrongLength = value.rows.findIndex((values) => values.length !== value.fields.length);
      if (wrongLength >= 0) {
        ctx.addIssue({ code: 'custom', path: ['rows', wrongLength], message: 'one value per field' });
        return;
      }
      const objects = expandRows<unknown>({ fields: value.fields, rows: value.rows.map((values) => [...values]) });
      const checked = z.array(row.strict()).safeParse(objects);
      if (!checked.success) {
        for (const issue of checked.error.issues.slice(0, 5)) {
          ctx.addIssue({ code: 'custom', path: ['rows', ...issue.path], message: issue.message });
        }
      }
    });
}
