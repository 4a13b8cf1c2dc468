import type { Preferences } from './schemas';

/** The preferences of a first start (apart from their schema: the window needs them without zod). */
export const DEFAULT_PREFERENCES: Preferences = {
  language: 'cs',
  actorName: '',
  welcomed: false,
  gridStates: {},
  namedViews: {},
  currentViews: {},
};
