import { describe, expect, it } from 'vitest';
import { ApiError } from '../../renderer/lib/api';
import { conflictText, errorDetail, errorSummary } from '../../renderer/lib/errors';
import { createI18n } from '../../renderer/lib/i18n';

// Issue 15: a backup refused on a server registry said "Přístup odepřen." with core's English
// sentence under it; a refusal that names its reason is said in the user's language.
describe('a refusal with a reason', () => {
  const refused = new ApiError({
    code: 'FORBIDDEN',
    message:
      'This registry is on a database server: it is backed up and restored by the server (pg_dump, point-in-time recovery), not by the app. Ask its administrator.',
    details: { reason: 'backups.error.serverRegistry' },
  });

  it('is said in Czech or English, without core’s English sentence under it', () => {
    expect(errorSummary(refused, createI18n('cs'))).toEqual({
      text: 'Tento registr je na databázovém serveru: zálohuje ho a obnovuje server (pg_dump, obnova k okamžiku), ne aplikace. Obraťte se na jeho správce.',
    });
    expect(errorSummary(refused, createI18n('en')).text).toMatch(
      /^This registry is on a database server: the server backs it up/,
    );
    expect(errorDetail(refused)).toBeUndefined();
  });

  it('a server out of reach is said as such, not as a file that cannot be read (two-client walkthrough)', () => {
    const lost = new ApiError({
      code: 'IO',
      message: 'The database server cannot be reached: nothing was saved. Try again later.',
      details: { reason: 'error.serverUnreachable' },
    });
    expect(errorSummary(lost, createI18n('cs')).text).toBe(
      'Databázový server není dostupný: nic se neuložilo. Zkuste to znovu za chvíli.',
    );
    expect(errorSummary(lost, createI18n('en')).text).toMatch(/^The database server cannot be reached/);
  });

  it('a record not found is said in the user’s language, pointing to the bin, without core’s sentence', () => {
    const gone = new ApiError({
      code: 'NOT_FOUND',
      message: 'Partnership 460 does not exist (it may have been deleted).',
    });
    expect(errorSummary(gone, createI18n('cs'))).toEqual({
      text: 'Záznam už v registru není: mohl ho mezitím někdo smazat. Smazané záznamy najdete v koši (Nastavení).',
    });
  });

  it('without a known reason keeps the code’s text and core’s message as the detail', () => {
    const other = new ApiError({ code: 'IO', message: 'Cannot open the registry file /tmp/x.db: EACCES' });
    expect(errorSummary(other, createI18n('cs'))).toEqual({
      text: 'Soubor nebo databázi nelze přečíst či zapsat.',
      detail: 'Cannot open the registry file /tmp/x.db: EACCES',
    });
    const unknownReason = new ApiError({
      code: 'FORBIDDEN',
      message: 'No.',
      details: { reason: 'migrationNotAllowed' },
    });
    expect(errorSummary(unknownReason, createI18n('cs'))).toEqual({ text: 'Přístup odepřen.', detail: 'No.' });
  });
});

// Issue 15 item 4: every screen's stale-edit notice names who changed the record and when.
describe('a refused stale edit', () => {
  const stale = new ApiError({
    code: 'CONFLICT',
    message: 'The record was changed meanwhile by Jana Nováková.',
    details: {
      reason: 'error.conflictBy',
      params: { name: 'Jana Nováková (jana)' },
      changedAt: '2026-12-03T10:15:00.000Z',
    },
  });

  it('names the other person and the time in the screen’s language', () => {
    const cs = conflictText(stale, createI18n('cs'), 'members.conflict');
    expect(cs).toMatch(/^Záznam mezitím změnil někdo jiný: Jana Nováková \(jana\), 3\. 12\. 2026/);
    expect(conflictText(stale, createI18n('en'), 'requests.conflict')).toContain('Jana Nováková (jana)');
  });

  it('falls back to the screen’s own sentence when core names nobody', () => {
    const bare = new ApiError({ code: 'CONFLICT', message: 'stale' });
    const i18n = createI18n('cs');
    expect(conflictText(bare, i18n, 'members.conflict')).toBe(i18n.t('members.conflict'));
    expect(conflictText(undefined, i18n, 'requests.conflict')).toBe(i18n.t('requests.conflict'));
  });
});
