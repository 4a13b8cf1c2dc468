import { readFileSync } from 'node:fs';
import path from 'node:path';
import { articleEditsSchema, type ArticleEdits } from '../../../shared/domain/agreements/article-edits';
import { AGREEMENT_LAYOUTS, AGREEMENT_TEMPLATES, PREAMBLES } from '../../../shared/domain/codes';
import { defaultOmit, DURATION_CHOICES } from '../../../shared/domain/agreements/library';
import { countersignatureOf } from '../../../shared/domain/agreements/countersignatures';
import { AppError } from '../../../shared/domain/errors';
import { PARTNER_LANGUAGES } from '../../../shared/domain/agreements/model';
import { agreementRequestSchema } from '../../../shared/domain/agreements/schemas';
import { translate } from '../../../shared/i18n/index';
import {
  agreementCatalog,
  agreementDefaults,
  preamblesOf,
  buildAgreement,
  generateAgreementToPath,
} from '../../core/services/agreements/agreements-service';
import { loadClauseLibrary } from '../../core/services/agreements/library-loader';
import { UsageError, type Command } from '../command';
import { openForCli } from '../open-context';

const oneOf = <T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T | null): T | null => {
  if (value === undefined) return fallback;
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new UsageError(`--${name} must be one of: ${allowed.join(', ')}`);
  return found;
};

/** A comma-separated list ("a,b"); "none" or "" is the empty list; undefined when the option is absent. */
const listOf = <T extends string>(name: string, value: unknown, allowed: readonly T[]): T[] | undefined => {
  if (typeof value !== 'string') return undefined;
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '' && item !== 'none');
  const wrong = items.filter((item) => !allowed.some((a) => a === item));
  if (wrong.length > 0)
    throw new UsageError(`--${name}: unknown ${wrong.join(', ')}; one or more of: ${allowed.join(', ')} (or none)`);
  return allowed.filter((a) => items.includes(a));
};

/** The article edits of `--article-edits FILE.json`, checked; a clear message for a file that is not one. */
function readArticleEdits(file: string | null): ArticleEdits | null {
  if (file === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `--article-edits: ${file} is not readable JSON (${error instanceof Error ? error.message : ''})`,
    );
  }
  const parsed = articleEditsSchema.safeParse(raw);
  if (!parsed.success)
    throw new UsageError(
      `--article-edits: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'the file'}: ${issue.message}`).join('; ')}`,
    );
  return parsed.data;
}

export const agreementCommand: Command = {
  name: 'agreement',
  summary: 'Draft a bilingual agreement (DOCX) for a partnership from the registry',
  usage:
    'twinreg agreement --db FILE --partnership ID [--lang de] [--template partnership] [--layout parallel] [--title-page] ' +
    '[--preambles european_integration,solidarity|none] [--omit coordination,financing] ' +
    '[--duration indefinite|fixed [--valid-until YYYY-MM-DD]] [--originals 4] [--project-name TEXT] [--programme TEXT] [--lead-partner cz|partner] ' +
    '[--budget-share-cz TEXT] [--budget-share-partner TEXT] [--countersign NAME] [--annex] [--article-edits FILE.json] ' +
    '[--latin-in-brackets] [--final] [--pair] [--out FILE.docx] [--force]\n' +
    "  --preambles  the preamble paragraphs (default: the template's own)\n" +
    "  --omit       optional articles left out (the template's optional article ids)\n" +
    "  --duration   the agreement's term (default: the partnership's; a term it does not state is highlighted as missing)\n" +
    '  --programme, --lead-partner, --budget-share-cz, --budget-share-partner\n' +
    "               a project agreement's funding programme, lead partner and each party's share of the budget\n" +
    "  --countersign  the partner's countersignature under its signature (a Polish skarbnik, a Hungarian jegyző): the name\n" +
    "  --annex      Annex 1 'Plán spolupráce' from the partnership's planned activities, participants and contacts\n" +
    '  --article-edits  a JSON file of the articles reworded, removed and own clauses, as the screen stores them:\n' +
    '               {"articles": {"financing": {"text": ["Czech heading\\nparagraph", "partner text"]}, "forms": {"removed": true}},\n' +
    '                "own": [{"id": "jubilee", "after": "purpose", "text": ["Czech", "partner"]}]}\n' +
    '  --latin-in-brackets  in a Cyrillic text, the Latin spelling of each name in brackets: Місто Табор (Tábor)\n' +
    '  --final      the final text: no "NÁVRH / ENTWURF" mark on the pages\n' +
    "  --pair       both originals: --out gets the Czech copy, the partner's copy is written beside it",
  options: {
    db: { type: 'string' },
    partnership: { type: 'string' },
    lang: { type: 'string' },
    template: { type: 'string' },
    layout: { type: 'string' },
    out: { type: 'string' },
    'title-page': { type: 'boolean' },
    preambles: { type: 'string' },
    omit: { type: 'string' },
    originals: { type: 'string' },
    duration: { type: 'string' },
    'valid-until': { type: 'string' },
    'project-name': { type: 'string' },
    programme: { type: 'string' },
    'lead-partner': { type: 'string' },
    'budget-share-cz': { type: 'string' },
    'budget-share-partner': { type: 'string' },
    countersign: { type: 'string' },
    annex: { type: 'boolean' },
    'article-edits': { type: 'string' },
    'latin-in-brackets': { type: 'boolean' },
    final: { type: 'boolean' },
    pair: { type: 'boolean' },
    force: { type: 'boolean' },
  },
  run: async ({ values }, io) => {
    const id = Number(values.partnership);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError('--partnership ID (a positive number) is required');
    const language = oneOf('lang', values.lang, PARTNER_LANGUAGES, null);
    const template = oneOf('template', values.template, AGREEMENT_TEMPLATES, null);
    const layout = oneOf('layout', values.layout, AGREEMENT_LAYOUTS, 'parallel') ?? 'parallel';
    const preambles = listOf('preambles', values.preambles, PREAMBLES);
    const originals = values.originals === undefined ? null : Number(values.originals);
    if (originals !== null && (!Number.isInteger(originals) || originals < 2 || originals > 20 || originals % 2 !== 0))
      throw new UsageError(
        '--originals must be an even whole number from 2 to 20 (each party receives the same number)',
      );
    const duration = oneOf('duration', values.duration, DURATION_CHOICES, null);
    const validUntil = typeof values['valid-until'] === 'string' ? values['valid-until'] : null;
    if (validUntil !== null && duration !== 'fixed') throw new UsageError('--valid-until goes with --duration fixed');
    const projectName = typeof values['project-name'] === 'string' ? values['project-name'] : null;
    const text = (name: string): string | null => {
      const value = (values as Record<string, unknown>)[name];
      return typeof value === 'string' ? value : null;
    };
    const programme = text('programme');
    const leadPartner = oneOf('lead-partner', values['lead-partner'], ['cz', 'partner'] as const, null);
    const [shareCz, sharePartner] = [text('budget-share-cz'), text('budget-share-partner')];
    const countersign = text('countersign');
    const articleEdits = readArticleEdits(text('article-edits'));
    const ctx = await openForCli(values.db, { mustExist: true });
    try {
      const resolved = await agreementDefaults(ctx, { partnershipId: id });
      const defaults = resolved.request;
      const chosenTemplate = template ?? defaults.template;
      // Another template starts from its own preambles (a charter has no "contracting parties"; review C13).
      const templatePreambles =
        chosenTemplate === defaults.template
          ? defaults.preambles
          : preamblesOf(
              (await loadClauseLibrary(ctx.resourcesDir)).templates[chosenTemplate].defaultPreambles,
              resolved.earlierContact,
            );
      const optional = (await agreementCatalog(ctx))[chosenTemplate].optional.map((a) => a.id);
      // Another template starts from its own optional articles (those off by default left out).
      const omit =
        listOf('omit', values.omit, optional) ??
        (chosenTemplate === defaults.template
          ? defaults.omit
          : defaultOmit((await loadClauseLibrary(ctx.resourcesDir)).templates[chosenTemplate]));
      if (countersign !== null && countersignatureOf(defaults.fields.partner.mayorOffice) === null)
        throw new UsageError(
          "--countersign: the partner's country has no countersignature here (a Polish skarbnik or a Hungarian jegyző)",
        );
      const parsed = agreementRequestSchema.safeParse({
        ...defaults,
        language: language ?? defaults.language,
        template: chosenTemplate,
        layout,
        titlePage: values['title-page'] === true,
        preambles: preambles ?? [...templatePreambles],
        omit,
        fields: {
          ...defaults.fields,
          // A term chosen here is stated (a term the partnership does not state stays highlighted without it).
          ...(duration === null ? {} : { duration, durationStated: true }),
          ...(validUntil === null ? {} : { validUntil }),
          ...(originals === null ? {} : { originals }),
          ...(projectName === null ? {} : { projectName }),
          ...(programme === null ? {} : { programme }),
          ...(leadPartner === null ? {} : { leadPartner }),
          ...(shareCz === null && sharePartner === null
            ? {}
            : { budgetShares: { cz: shareCz ?? '', partner: sharePartner ?? '' } }),
          ...(countersign === null ? {} : { countersignature: { name: countersign } }),
        },
        ...(values.annex === true ? { annex: true } : {}),
        ...(articleEdits === null ? {} : { articleEdits }),
        ...(values['latin-in-brackets'] === true ? { latinInBrackets: true } : {}),
        ...(values.final === true ? { final: true } : {}),
        ...(values.pair === true ? { pair: true } : {}),
      });
      if (!parsed.success)
        throw new UsageError(
          parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
        );
      const request = parsed.data;
      const { fileName, model } = await buildAgreement(ctx, request);
      const out = path.resolve(typeof values.out === 'string' && values.out !== '' ? values.out : fileName);
      const missing = (warnings: typeof model.warnings, label: string) => {
        for (const w of warnings) {
          const who =
            w.side === 'cz' ? request.fields.cz.name : w.side === 'partner' ? request.fields.partner.name : '';
          io.err(`${label} ${translate('en', `agreements.missing.${w.field}`)}${who ? ` (${who})` : ''}`);
        }
      };
      try {
        const written = await generateAgreementToPath(ctx, request, out, values.force === true);
        missing(written.warnings, 'Warning: missing');
        io.out(`Written: ${written.filePath}`);
        if ('pairFilePath' in written) io.out(`Written: ${written.pairFilePath}`);
        return 0;
      } catch (error) {
        if (error instanceof AppError && error.code === 'CONFLICT') {
          io.err(`The file already exists: ${out} (use --force to replace it)`);
          return 1;
        }
        if (error instanceof AppError && error.details?.reason === 'FINAL_INCOMPLETE') {
          // What keeps the text from being final, as a draft run lists it.
          io.err(`${error.message} Missing:`);
          missing(model.warnings, '  missing:');
          return 1;
        }
        throw error;
      }
    } finally {
      await ctx.close();
    }
  },
};
