import { findChannel, invoke } from '../channels';
import { failed, measured, notBuilt, heavyRuns } from '../measure';
import type { AgreementRequestInput } from '../../../shared/domain/agreements/schemas';
import { buildAgreement } from '../../../electron/core/services/agreements/agreements-service';
import type { Figure } from '../types';

const DOCS_PER_RUN = 8;

/**
 * Figure 4: agreements per second, one template (partnership agreement) and one language
 * (German, parallel layout), each written to a file as the Agreements screen does.
 */
export const agreementsFigure: Figure = {
  id: 'agreements',
  run: async (env) => {
    const title = '4 Agreements (partnership, cs+de)';
    const options = findChannel('agreements:options');
    const generate = findChannel('agreements:generate');
    if (!options || !generate) return [notBuilt('agreements', title, 'agreements:generate')];
    const app = await env.openCopy('agreements');
    try {
      const ids = await app.ctx.db
        .knex('partnerships as p')
        .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
        .where('t.country_code', 'DE')
        .orderBy('p.id')
        .limit(DOCS_PER_RUN)
        .pluck<number[]>('p.id');
      if (ids.length === 0)
        return [{ id: 'agreements', title, status: 'n/a', note: 'no German partnership in the data' }];
      const requests: unknown[] = [];
      for (const partnershipId of ids) {
        const defaults = (await invoke(app.dispatch, options, { source: { partnershipId } })) as {
          request: Record<string, unknown>;
        };
        requests.push({ ...defaults.request, template: 'partnership', language: 'de', layout: 'parallel' });
      }
      const generateAll = async () => {
        for (const request of requests) {
          await invoke(app.dispatch, generate, { request, acceptMissing: true });
          env.sample();
        }
      };
      // The baseline: the path before issue 16, which built each document once for its check of
      // missing data and again to write it (the same documents, the same minutes).
      const generateAllAsBefore = async () => {
        for (const request of requests) {
          await buildAgreement(app.ctx, request as AgreementRequestInput);
          await invoke(app.dispatch, generate, { request, acceptMissing: true });
          env.sample();
        }
      };
      await generateAll(); // warm-up: fonts, clause library, the docx module
      const rates: number[] = [];
      const before: number[] = [];
      for (let run = 0; run < heavyRuns(env.spec); run += 1) {
        let start = performance.now();
        await generateAllAsBefore();
        before.push(requests.length / ((performance.now() - start) / 1000));
        start = performance.now();
        await generateAll();
        rates.push(requests.length / ((performance.now() - start) / 1000));
      }
      const value = measured(`dispatch ${generate}`, 'docs/s', rates);
      const baseline = measured('each built twice, as before', 'docs/s', before);
      return [
        {
          id: 'agreements',
          title,
          status: 'ok',
          value,
          baseline,
          ratio: value.median / baseline.median,
          extra: { docsPerRun: requests.length },
        },
      ];
    } catch (error) {
      return [failed('agreements', title, error)];
    } finally {
      await app.close();
    }
  },
};
