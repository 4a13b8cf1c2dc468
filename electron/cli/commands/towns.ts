import { countryName } from '../../../shared/domain/countries';
import { AppError } from '../../../shared/domain/errors';
import { translate, translatePlural } from '../../../shared/i18n/index';
import { callCore } from '../call-core';
import { UsageError, type Command } from '../command';
import { openForCli } from '../open-context';

/**
 * `twinreg towns link-gazetteer --db X [--dry-run]`: links the partner towns without a gazetteer id
 * that the import's rule proves (Settings ▸ Linking partner towns to the gazetteer, by the same
 * channels), printing the counts and every town; `--dry-run` writes nothing.
 */
export const townsCommand: Command = {
  name: 'towns',
  summary:
    'Link partner towns already in the registry to the gazetteer (same name within 10 km; --dry-run writes nothing)',
  usage:
    'twinreg towns link-gazetteer --db FILE|postgres://… [--dry-run] [--lang cs|en] [--actor NAME]\n' +
    '  links each partner town without a gazetteer id to the one gazetteer town of its country with its very name\n' +
    '  within 10 km of its coordinates (none other holding it); fills the population only where it is empty.',
  options: {
    db: { type: 'string' },
    'dry-run': { type: 'boolean' },
    lang: { type: 'string' },
    actor: { type: 'string' },
  },
  run: async ({ values, positionals }, io) => {
    const [action, ...extra] = positionals;
    if (action !== 'link-gazetteer' || extra.length > 0)
      throw new UsageError('The only action is: towns link-gazetteer');
    const language = values.lang ?? 'cs';
    if (language !== 'cs' && language !== 'en') throw new UsageError('--lang is cs or en');
    const t = (key: string, params?: Record<string, string | number>) => translate(language, key, params);
    const ctx = await openForCli(values.db, { mustExist: true, actor: values.actor });
    try {
      const preview = await callCore(ctx, 'towns:linkGazetteerPreview', {});
      io.out(
        t('gazetteerLink.summary', {
          unlinked: preview.unlinked,
          withoutPlace: preview.withoutPlace,
          count: preview.links.length,
          fills: preview.fillsPopulation,
        }),
      );
      for (const link of preview.links) {
        const population =
          link.fillsPopulation || link.population === null
            ? link.fillsPopulation
              ? t('gazetteerLink.fills', { population: link.gazetteerPopulation })
              : '–'
            : t('gazetteerLink.keeps', { population: link.population });
        io.out(
          `  ${link.name} (${countryName(link.countryCode, language)})  ${t('gazetteerLink.km', { km: link.km })}  geonames ${String(link.geonamesId)}  ${population}`,
        );
      }
      if (preview.ambiguous.length > 0)
        io.out(
          t('gazetteerLink.ambiguous', {
            count: preview.ambiguous.reduce((sum, group) => sum + group.towns.length, 0),
            towns: preview.ambiguous
              .map((group) => group.towns.map((town) => `${town.name} (${town.countryCode})`).join(' = '))
              .join('; '),
          }),
        );
      if (preview.held.length > 0)
        io.out(
          t('gazetteerLink.held', {
            count: preview.held.length,
            towns: preview.held
              .map((town) =>
                t('gazetteerLink.heldPair', { name: `${town.name} (${town.countryCode})`, holder: town.heldBy.name }),
              )
              .join('; '),
          }),
        );
      if (preview.severalNear > 0) io.out(t('gazetteerLink.severalNear', { count: preview.severalNear }));
      if (values['dry-run'] === true) {
        io.out(t('gazetteerLink.cli.dryRun'));
        return 0;
      }
      try {
        const done = await callCore(ctx, 'towns:linkGazetteer', {});
        if (done.linked === 0) io.out(t('gazetteerLink.doneNone'));
        else {
          io.out(t('gazetteerLink.cli.linked', { count: done.linked, fills: done.populationFilled }));
          io.out(t('gazetteerLink.cli.undoHint'));
        }
        if (done.changedMeanwhile > 0)
          io.out(translatePlural(language, 'gazetteerLink.changedMeanwhile', done.changedMeanwhile));
        return 0;
      } catch (error) {
        const reason = error instanceof AppError ? error.details?.reason : undefined;
        if (typeof reason === 'string') {
          io.err(t(reason));
          return 1;
        }
        throw error;
      }
    } finally {
      await ctx.close();
    }
  },
};
