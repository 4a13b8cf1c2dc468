import { describe, expect, it } from 'vitest';
import { createI18n } from '../../renderer/lib/i18n';
import {
  BESIDE_PANEL_COLUMNS,
  hiddenBesidePanel,
  requestsColumns,
} from '../../renderer/features/requests/requests-columns';

/** Walkthrough 27, finding 9a: the Requests grid beside an open request. */
describe('Requests grid beside the request panel', () => {
  for (const language of ['cs', 'en'] as const) {
    it(`keeps who asks, the wanted countries and the status; hides the other shown columns (${language})`, () => {
      const columns = requestsColumns(createI18n(language));
      const ids = columns.map((column) => column.colId ?? column.field);
      // Every column kept beside the panel exists in the grid.
      for (const id of BESIDE_PANEL_COLUMNS) expect(ids).toContain(id);
      expect(hiddenBesidePanel(columns)).toEqual([
        'receivedOn',
        'direction',
        'requesterCountry',
        'wantedSize',
        'themes',
        'partnership',
      ]);
    });
  }

  it('leaves a column hidden by default alone: closing the panel does not show the description', () => {
    const columns = requestsColumns(createI18n('cs'));
    expect(columns.find((column) => column.field === 'description')?.hide).toBe(true);
    expect(hiddenBesidePanel(columns)).not.toContain('description');
  });
});
