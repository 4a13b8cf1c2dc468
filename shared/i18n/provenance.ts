import type { UiLanguage } from '../domain/codes';
import { importedFile, originOf } from '../domain/provenance';
import { translate } from './index';

/** Where a record came from, as the grids and exports show it: "zadáno ručně", "import obce.csv". */
export function originLabel(source: string | null, language: UiLanguage): string {
  const origin = originOf(source);
  return origin === 'import'
    ? translate(language, 'provenance.origin.import', { file: importedFile(source) ?? '' })
    : translate(language, `provenance.origin.${origin}`);
}
