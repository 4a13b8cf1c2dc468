import { contract, isChannel } from '../../shared/ipc/contract';
import type { Dispatch } from '../../electron/core/dispatch';

/** The first of the candidate channels the contract has, or null: figures look their feature up here. */
export const findChannel = (...candidates: string[]): string | null =>
  candidates.find((name) => isChannel(name)) ?? null;

/** Channels of the contract whose name starts with a prefix (e.g. `stats:`), for messages. */
export const channelsWith = (prefix: string): string[] =>
  Object.keys(contract).filter((name) => name.startsWith(prefix));

/** Calls a channel through dispatch and unwraps the Result, throwing its message on failure. */
export async function invoke(dispatch: Dispatch, channel: string, input: unknown): Promise<unknown> {
  const result = await dispatch(channel, input);
  if (!result.ok) {
    const issues = (result.error.details as { issues?: { path: string; message: string }[] } | undefined)?.issues;
    const detail = issues ? `: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}` : '';
    throw new Error(`${channel} answered ${result.error.code}: ${result.error.message}${detail}`);
  }
  return result.value;
}

/** The length of an answer that is an array, or that holds its rows in `rows`/`items`. */
export function rowsOf(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value as unknown[];
  if (value && typeof value === 'object') {
    for (const key of ['rows', 'items', 'partnerships']) {
      const candidate = (value as Record<string, unknown>)[key];
      if (Array.isArray(candidate)) return candidate as unknown[];
    }
  }
  return null;
}
