/**
 * Country names have one source, `shared/domain/countries.ts`. This re-export remains only while
 * `features/requests/requests-columns.ts` (in a concurrent change) still imports it from here;
 * delete it once that import points at the shared module.
 */
export { countryName } from '../../shared/domain/countries';
