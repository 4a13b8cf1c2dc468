import { AppError } from '../../shared/domain/errors';
import type { Handlers } from '../../shared/ipc/contract';
import type { AppContext } from './context';

/** Refusals that name who changed or deleted a record meanwhile, and their wording when it was this user. */
const SELF_REASONS: Readonly<Record<string, string>> = {
  'error.conflictBy': 'error.conflictBySelf',
  'error.deletedBy': 'error.deletedBySelf',
};

/**
 * A refusal naming this very user as the one who changed or deleted the record meanwhile (in
 * another window or tab of theirs) says so, instead of "someone else: <their own name>"
 * (walkthrough 20). On a server the name carries the database account where it differs from the
 * display name ("Jana Nováková (jana)"): it is the user's own when both are theirs, the display
 * name and the account this connection uses (`account`); a colleague with the same display name
 * but an account of their own stays a colleague.
 */
export async function saidAsOwn(
  error: unknown,
  actor: () => Promise<string>,
  account: () => Promise<string> = () => Promise.resolve(''),
): Promise<unknown> {
  if (!(error instanceof AppError)) return error;
  const { details } = error;
  const reason = typeof details?.reason === 'string' ? SELF_REASONS[details.reason] : undefined;
  if (reason === undefined) return error;
  const params = details?.params;
  const name = params !== null && typeof params === 'object' ? (params as Record<string, unknown>).name : undefined;
  const me = await actor();
  if (me === '' || typeof name !== 'string') return error;
  if (name !== me) {
    const user = await account();
    if (user === '' || name !== `${me} (${user})`) return error;
  }
  return new AppError(error.code, error.message, { ...details, reason });
}

/** Every handler, its refusals that name this user said as the user's own (see `saidAsOwn`). */
export function withOwnChanges(ctx: AppContext, handlers: Handlers): Handlers {
  // The database account of the open registry (on a server), asked once per registry opened.
  const accounts = new WeakMap<object, Promise<string>>();
  const accountOf = (): Promise<string> => {
    const { db } = ctx;
    let account = accounts.get(db);
    if (account === undefined) {
      account =
        db.dialect === 'postgres'
          ? db.knex
              .raw<{ rows: { user: string }[] }>('select current_user as "user"')
              .then((result) => result.rows[0]?.user ?? '')
              .catch(() => '')
          : Promise.resolve('');
      accounts.set(db, account);
    }
    return account;
  };
  const wrapped: Record<string, (input: never) => Promise<unknown>> = {};
  for (const [channel, handler] of Object.entries(handlers) as [string, (input: never) => Promise<unknown>][])
    wrapped[channel] = async (input) => {
      try {
        return await handler(input);
      } catch (error) {
        throw await saidAsOwn(error, ctx.actor, accountOf);
      }
    };
  return wrapped as unknown as Handlers;
}
