import { describe, expect, it } from 'vitest';
import { memberOptionLabel } from '../../renderer/components/MemberSelect';

describe('memberOptionLabel', () => {
  it('names the district, the code where it is unknown, and not a district named after the town (review D31)', () => {
    expect(memberOptionLabel({ name: 'Všeruby', code: '554171', districtName: 'Domažlice' })).toBe(
      'Všeruby (Domažlice)',
    );
    expect(memberOptionLabel({ name: 'Všeruby', code: '559393', districtName: 'Plzeň-sever' })).toBe(
      'Všeruby (Plzeň-sever)',
    );
    expect(memberOptionLabel({ name: 'Nová obec', code: '599999', districtName: null })).toBe('Nová obec (599999)');
    expect(memberOptionLabel({ name: 'Žďár nad Sázavou', code: '595209', districtName: 'Žďár nad Sázavou' })).toBe(
      'Žďár nad Sázavou',
    );
  });
});
