import { describe, expect, it } from 'vitest';
import { saidAsOwn } from '../../../electron/core/own-changes';
import { AppError } from '../../../shared/domain/errors';

const refusal = (name: string, reason = 'error.conflictBy') =>
  new AppError('CONFLICT', 'changed meanwhile', { reason, params: { name, at: '2026-12-07T02:02:00Z' } });
const reasonOf = (error: unknown) => (error as AppError).details?.reason;
const is = (text: string) => () => Promise.resolve(text);

describe('a refusal that names the user as the one who changed the record', () => {
  it('says so on a file registry (the display name alone)', async () => {
    expect(reasonOf(await saidAsOwn(refusal('Jana Nováková'), is('Jana Nováková')))).toBe('error.conflictBySelf');
    expect(reasonOf(await saidAsOwn(refusal('Petr Svoboda'), is('Jana Nováková')))).toBe('error.conflictBy');
  });

  it('says so on a server when the display name and the database account are both this connection’s', async () => {
    const own = await saidAsOwn(refusal('Jana Nováková (jana)', 'error.deletedBy'), is('Jana Nováková'), is('jana'));
    expect(reasonOf(own)).toBe('error.deletedBySelf');
    // The same display name under a colleague's account stays a colleague, as does another name.
    expect(reasonOf(await saidAsOwn(refusal('Jana Nováková (petr)'), is('Jana Nováková'), is('jana')))).toBe(
      'error.conflictBy',
    );
    expect(reasonOf(await saidAsOwn(refusal('Petr Svoboda (jana)'), is('Jana Nováková'), is('jana')))).toBe(
      'error.conflictBy',
    );
    // No account known (the query failed): only the bare name counts.
    expect(reasonOf(await saidAsOwn(refusal('Jana Nováková (jana)'), is('Jana Nováková'), is('')))).toBe(
      'error.conflictBy',
    );
  });

  it('leaves other refusals and an unnamed user alone', async () => {
    expect(reasonOf(await saidAsOwn(refusal('Jana', 'error.other'), is('Jana')))).toBe('error.other');
    expect(reasonOf(await saidAsOwn(refusal(''), is('')))).toBe('error.conflictBy');
  });
});
