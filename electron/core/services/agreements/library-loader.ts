import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import countries from 'i18n-iso-countries';
import { AGREEMENT_LANGUAGES, type AgreementLanguage } from '../../../../shared/domain/codes';
import { AppError } from '../../../../shared/domain/errors';
import {
  clauseFileSchema,
  clauseIdsOf,
  templatesFileSchema,
  type ClauseFile,
  type ClauseLibrary,
} from '../../../../shared/domain/agreements/library';

const cache = new Map<string, Promise<ClauseLibrary>>();

async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, 'utf8')) as unknown;
}

async function load(resourcesDir: string): Promise<ClauseLibrary> {
  const dir = path.join(resourcesDir, 'agreements');
  const templates = templatesFileSchema.safeParse(await readJson(path.join(dir, 'templates.json')));
  if (!templates.success) throw new AppError('INTERNAL', `templates.json is invalid: ${templates.error.message}`);
  const entries = await Promise.all(
    AGREEMENT_LANGUAGES.map(async (language): Promise<[AgreementLanguage, ClauseFile]> => {
      const parsed = clauseFileSchema.safeParse(await readJson(path.join(dir, 'clauses', `${language}.json`)));
      if (!parsed.success)
        throw new AppError('INTERNAL', `clauses/${language}.json is invalid: ${parsed.error.message}`);
      return [language, parsed.data];
    }),
  );
  const languages = Object.fromEntries(entries) as Record<AgreementLanguage, ClauseFile>;
  for (const template of Object.values(templates.data)) {
    for (const clauseId of clauseIdsOf(template)) {
      for (const language of AGREEMENT_LANGUAGES) {
        if (!languages[language].clauses[clauseId]) {
          throw new AppError('INTERNAL', `Clause ${clauseId} is missing in clauses/${language}.json`);
        }
      }
    }
  }
  // A language whose clauses name the partner's language must know every partner language's form.
  for (const language of AGREEMENT_LANGUAGES) {
    const file = languages[language];
    const uses = Object.values(file.clauses).some((c) => c.paragraphs.some((p) => p.includes('{partnerLanguage}')));
    const lacking = AGREEMENT_LANGUAGES.filter((l) => l !== 'cs' && file.languageForms?.[l] === undefined);
    if (uses && lacking.length > 0) {
      throw new AppError('INTERNAL', `clauses/${language}.json lacks languageForms for ${lacking.join(', ')}`);
    }
  }
  return { languages, templates: templates.data };
}

/** The clause library (templates and nine languages), read and validated once per folder. */
export function loadClauseLibrary(resourcesDir: string): Promise<ClauseLibrary> {
  let loaded = cache.get(resourcesDir);
  if (!loaded) {
    loaded = load(resourcesDir);
    loaded.catch(() => cache.delete(resourcesDir));
    cache.set(resourcesDir, loaded);
  }
  return loaded;
}

let countriesReady = false;

/** Country names in every agreement language (Czechia by its formal short name in Czech). */
export function countryNames(countryCode: string): Partial<Record<AgreementLanguage, string>> {
  if (!countriesReady) {
    const require = createRequire(import.meta.url);
    for (const language of AGREEMENT_LANGUAGES) {
      countries.registerLocale(require(`i18n-iso-countries/langs/${language}.json`) as countries.LocaleData);
    }
    countriesReady = true;
  }
  const out: Partial<Record<AgreementLanguage, string>> = {};
  for (const language of AGREEMENT_LANGUAGES) {
    const name =
      countryCode === 'CZ'
        ? countries.getName(countryCode, language, { select: 'official' })
        : countries.getName(countryCode, language);
    if (name) out[language] = name;
  }
  return out;
}
