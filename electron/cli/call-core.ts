import { AppError } from '../../shared/domain/errors';
import type { Channel, InputOf, OutputOf } from '../../shared/ipc/contract';
import type { AppContext } from '../core/context';
import { createDispatch } from '../core/dispatch';
import { createHandlers } from '../core/handlers';

/**
 * The CLI's door to core where a channel exists: the same gate as the app (input validated and
 * normalised, errors as data), typed by the contract. A failure is thrown as the AppError it
 * carries, which the CLI's main prints with its code.
 */
export async function callCore<C extends Channel>(
  ctx: AppContext,
  channel: C,
  input: InputOf<C>,
): Promise<OutputOf<C>> {
  const result = await createDispatch(createHandlers(ctx))(channel, input);
  if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
  // The dispatch validated the input and ran this channel's handler, whose type is its output.
  return result.value as OutputOf<C>;
}
