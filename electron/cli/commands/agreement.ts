import path from 'node:path';
import { AGREEMENT_LAYOUTS, AGREEMENT_TEMPLATES } from '../../../shared/domain/codes';
import { AppError } from '../../../shared/domain/errors';
import { PARTNER_LANGUAGES } from '../../../shared/domain/agreements/model';
import { agreementRequestSchema } from '../../../shared/domain/agreements/schemas';
import { translate } from '../../../shared/i18n/index';
import {
  agreementDefaults,
  buildAgreement,
  generateAgreementToPath,
} from '../../core/services/agreements/agreements-service';
import { UsageError, type Command } from '../command';
import { openForCli } from '../open-context';

const oneOf = <T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T | null): T | null => {
  if (value === undefined) return fallback;
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new UsageError(`--${name} must be one of: ${allowed.join(', ')}`);
  return found;
};

export const agreementCommand: Command = {
  name: 'agreement',
  summary: 'Draft a bilingual agreement (DOCX) for a partnership from the registry',
  usage:
    'twinreg agreement --db FILE --partnership ID [--lang de] [--template partnership] [--layout parallel] [--title-page] [--out FILE.docx] [--force]',
  options: {
    db: { type: 'string' },
    partnership: { type: 'string' },
    lang: { type: 'string' },
    template: { type: 'string' },
    layout: { type: 'string' },
    out: { type: 'string' },
    'title-page': { type: 'boolean' },
    force: { type: 'boolean' },
  },
  run: async ({ values }, io) => {
    const id = Number(values.partnership);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError('--partnership ID (a positive number) is required');
    const language = oneOf('lang', values.lang, PARTNER_LANGUAGES, null);
    const template = oneOf('template', values.template, AGREEMENT_TEMPLATES, null);
    const layout = oneOf('layout', values.layout, AGREEMENT_LAYOUTS, 'parallel') ?? 'parallel';
    const ctx = await openForCli(values.db, { mustExist: true });
    try {
      const defaults = (await agreementDefaults(ctx, { partnershipId: id })).request;
      const request = agreementRequestSchema.parse({
        ...defaults,
        language: language ?? defaults.language,
        template: template ?? defaults.template,
        layout,
        titlePage: values['title-page'] === true,
      });
      const { fileName } = await buildAgreement(ctx, request);
      const out = path.resolve(typeof values.out === 'string' && values.out !== '' ? values.out : fileName);
      try {
        const written = await generateAgreementToPath(ctx, request, out, values.force === true);
        for (const w of written.warnings) {
          const who =
            w.side === 'cz' ? request.fields.cz.name : w.side === 'partner' ? request.fields.partner.name : '';
          io.err(`Warning: missing ${translate('en', `agreements.missing.${w.field}`)}${who ? ` (${who})` : ''}`);
        }
        io.out(`Written: ${written.filePath}`);
        return 0;
      } catch (error) {
        if (error instanceof AppError && error.code === 'CONFLICT') {
          io.err(`The file already exists: ${out} (use --force to replace it)`);
          return 1;
        }
        throw error;
      }
    } finally {
      await ctx.close();
    }
  },
};
