import { z } from 'zod';
import { MUNICIPALITY_KINDS } from './codes';
import { id } from './schemas';

/** The public register of economic subjects (Ministry of Finance), its REST interface. */
export const ARES_DEFAULT_URL = 'https://ares.gov.cz/ekonomicke-subjekty-v-be/rest';

/** The ARES legal form of a municipality ("801 Obec"; statutory cities and Prague included). */
export const ARES_MUNICIPALITY_FORM = '801';

/**
 * What ARES states about a municipality, in the registry's terms: a value ARES does not state is
 * null (never guessed), and the district is the registry's own one when its name matches.
 */
export const aresMunicipalitySchema = z.object({
  ico: z.string(),
  /** As ARES names the subject: "Statutární město Jihlava", "Obec Horní Tošanovice". */
  officialName: z.string(),
  /** The municipality's name (ARES `sidlo.nazevObce`). */
  name: z.string().nullable(),
  /** The municipality's ČSÚ code (ARES `sidlo.kodObce`), six digits. */
  code: z.string().nullable(),
  kind: z.enum(MUNICIPALITY_KINDS).nullable(),
  districtId: id.nullable(),
  /** The district as ARES names it (also when the registry has none of that name). */
  districtName: z.string().nullable(),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  /** The whole address as ARES writes it. */
  address: z.string().nullable(),
});
export type AresMunicipality = z.infer<typeof aresMunicipalitySchema>;
