import { describe, expect, it } from 'vitest';
import { memberOptionGroups, memberOptionLabel } from '../../renderer/components/MemberSelect';

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

describe('memberOptionGroups', () => {
  const town = (id: number, name: string, isMember?: boolean) => ({
    id,
    name,
    code: String(500000 + id),
    districtName: null,
    ...(isMember === undefined ? {} : { isMember }),
  });

  it('puts the members first and the other municipalities in a group of their own, each in Czech order', () => {
    const groups = memberOptionGroups([
      town(1, 'Chrudim', false),
      town(2, 'Cheb', true),
      town(3, 'Čáslav', false),
      town(4, 'Hlinsko', true),
      town(5, 'Cerhenice', true),
    ]);
    expect(groups.map((g) => [g.kind, g.items.map((m) => m.name)])).toEqual([
      ['members', ['Cerhenice', 'Hlinsko', 'Cheb']],
      ['others', ['Čáslav', 'Chrudim']],
    ]);
  });

  it('keeps one group when the list has only members, only others, or does not say', () => {
    expect(memberOptionGroups([town(1, 'Tábor', true), town(2, 'Písek', true)]).map((g) => g.kind)).toEqual([
      'members',
    ]);
    expect(memberOptionGroups([town(1, 'Tábor', false), town(2, 'Písek', false)])).toEqual([
      { kind: 'others', items: [town(2, 'Písek', false), town(1, 'Tábor', false)] },
    ]);
    expect(memberOptionGroups([town(1, 'Tábor'), town(2, 'Písek')]).map((g) => g.items.length)).toEqual([2]);
  });
});
