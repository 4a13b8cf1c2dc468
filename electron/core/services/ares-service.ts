import { ARES_MUNICIPALITY_FORM, type AresMunicipality } from '../../../shared/domain/ares';
import { STATUTORY_CITY_CODES, type MunicipalityKind } from '../../../shared/domain/codes';
import { AppError } from '../../../shared/domain/errors';
import { isValidIco } from '../../../shared/domain/municipality-rules';
import { searchKey } from '../../../shared/domain/text';
import type { AppContext } from '../context';
import { listDistricts } from '../repositories/reference-repository';

/** How long a lookup waits for ARES before it says ARES cannot be reached. */
const ARES_TIMEOUT_MS = 10_000;

const unavailable = (detail: string) =>
  new AppError('IO', `ARES cannot be reached (${detail}).`, { reason: 'members.ares.unavailable' });

/** A text ARES gives, or null for none (ARES leaves out what it does not know). */
const textOf = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : null;

/** The kind a subject's name states ("Statutární město …", "Město …", "Městys …", "Obec …"); null when it says none. */
function kindOf(officialName: string, code: string | null): MunicipalityKind | null {
  if (code !== null && STATUTORY_CITY_CODES.has(code)) return 'statutarni_mesto';
  if (/^statutární město\s/i.test(officialName) || /^hlavní město praha/i.test(officialName)) return 'statutarni_mesto';
  if (/^městys\s/i.test(officialName)) return 'mestys';
  if (/^město\s/i.test(officialName)) return 'mesto';
  if (/^obec\s/i.test(officialName)) return 'obec';
  return null;
}

/** "Masarykovo náměstí 1/97", or in a village without streets "Horní Tošanovice 52". */
function streetOf(seat: Record<string, unknown>): string | null {
  const house = textOf(seat.cisloDomovni);
  if (house === null) return null;
  const orientation = textOf(seat.cisloOrientacni);
  const number = orientation === null ? house : `${house}/${orientation}${textOf(seat.cisloOrientacniPismeno) ?? ''}`;
  const place = textOf(seat.nazevUlice) ?? textOf(seat.nazevCastiObce) ?? textOf(seat.nazevObce);
  return place === null ? null : `${place} ${number}`;
}

/** "58601" → "586 01". */
function postalCodeOf(value: unknown): string | null {
  const digits = textOf(value)?.replace(/\s/g, '') ?? null;
  return digits !== null && /^\d{5}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3)}` : null;
}

/** The registry's district of the name ARES gives ("Hlavní město Praha" is the registry's "Praha"). */
async function districtOf(ctx: AppContext, name: string | null): Promise<number | null> {
  if (name === null) return null;
  const districts = await listDistricts(ctx.db.knex);
  const wanted = [searchKey(name), searchKey(name.replace(/^hlavní město\s+/i, ''))];
  return districts.find((district) => wanted.includes(searchKey(district.name)))?.id ?? null;
}

/**
 * Looks a municipality up in ARES by its IČO, to fill a new member's form: what ARES states, in
 * the registry's terms. Refused: an IČO with a wrong check digit (asked of nobody), an IČO ARES
 * does not know, a subject that is not a municipality or has ceased to exist (its name given). ARES unreachable or
 * answering something unreadable is an IO error that says so; nothing is written in any case.
 */
export async function lookupAresMunicipality(ctx: AppContext, input: { ico: string }): Promise<AresMunicipality> {
  const ico = input.ico.trim();
  if (!isValidIco(ico))
    throw new AppError('VALIDATION', 'Not a valid IČO.', { issues: [{ path: 'ico', message: 'validation.ico' }] });
  let response: Response;
  try {
    response = await fetch(`${ctx.aresUrl}/ekonomicke-subjekty/${ico}`, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(ARES_TIMEOUT_MS),
    });
  } catch (error) {
    throw unavailable(error instanceof Error ? error.message : String(error));
  }
  if (response.status === 404)
    throw new AppError('NOT_FOUND', `ARES knows no subject with IČO ${ico}.`, {
      reason: 'members.ares.notFound',
      params: { ico },
    });
  if (!response.ok) throw unavailable(`HTTP ${String(response.status)}`);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw unavailable('an answer that is not JSON');
  }
  const subject = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const officialName = textOf(subject.obchodniJmeno);
  if (officialName === null) throw unavailable('an answer without a name');
  if (textOf(subject.pravniForma) !== ARES_MUNICIPALITY_FORM)
    throw new AppError('VALIDATION', `IČO ${ico} is ${officialName}, which is not a municipality.`, {
      reason: 'members.ares.notMunicipality',
      params: { ico, name: officialName },
    });
  const dissolved = textOf(subject.datumZaniku);
  if (dissolved !== null)
    throw new AppError('VALIDATION', `${officialName} (IČO ${ico}) ceased to exist on ${dissolved}.`, {
      reason: 'members.ares.dissolved',
      params: { ico, name: officialName, date: dissolved },
    });
  const seat =
    typeof subject.sidlo === 'object' && subject.sidlo !== null ? (subject.sidlo as Record<string, unknown>) : {};
  const code = textOf(seat.kodObce);
  const validCode = code !== null && /^\d{6}$/.test(code) ? code : null;
  const districtName = textOf(seat.nazevOkresu);
  return {
    ico,
    officialName,
    name: textOf(seat.nazevObce),
    code: validCode,
    kind: kindOf(officialName, validCode),
    districtId: await districtOf(ctx, districtName),
    districtName,
    street: streetOf(seat),
    postalCode: postalCodeOf(seat.psc),
    address: textOf(seat.textovaAdresa),
  };
}
