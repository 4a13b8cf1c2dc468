import { describe, expect, it } from 'vitest';
import { commandOf } from '../../renderer/app/keyboard';
import { shortcutKeys, withShortcut } from '../../renderer/lib/shortcuts';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('keyboard shortcuts', () => {
  it('reads Ctrl or Cmd with N, S, F, Z; Esc and F1 alone', () => {
    expect(commandOf(key('n', { ctrlKey: true }))).toBe('new');
    expect(commandOf(key('N', { ctrlKey: true }))).toBe('new'); // Caps Lock
    expect(commandOf(key('s', { metaKey: true }))).toBe('save');
    expect(commandOf(key('f', { ctrlKey: true }))).toBe('search');
    expect(commandOf(key('z', { ctrlKey: true }))).toBe('undo');
    expect(commandOf(key('Escape'))).toBe('close');
    expect(commandOf(key('F1'))).toBe('help');
  });

  it('leaves other combinations alone (redo, Alt, plain letters, Ctrl+Esc)', () => {
    expect(commandOf(key('z', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(commandOf(key('s', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(commandOf(key('n'))).toBeNull();
    expect(commandOf(key('Escape', { ctrlKey: true }))).toBeNull();
    expect(commandOf(key('F1', { shiftKey: true }))).toBeNull();
    expect(commandOf(key('c', { ctrlKey: true }))).toBeNull();
  });

  it('names the keys as the user presses them, Cmd on a Mac', () => {
    expect(shortcutKeys('new', false)).toBe('Ctrl+N');
    expect(shortcutKeys('save', true)).toBe('⌘S');
    expect(shortcutKeys('close', false)).toBe('Esc');
    expect(shortcutKeys('help', true)).toBe('F1');
  });

  it('writes the key into a tooltip', () => {
    expect(withShortcut('Nové partnerství', 'new')).toMatch(/^Nové partnerství \((Ctrl\+N|⌘N)\)$/);
  });
});

describe('arrow keys in a radio group or tab list', () => {
  it('move to the next or previous option, round the ends; Home and End; other keys nothing', async () => {
    const { rovingTarget } = await import('../../renderer/lib/focus');
    expect(rovingTarget('ArrowRight', 0, 3)).toBe(1);
    expect(rovingTarget('ArrowDown', 2, 3)).toBe(0);
    expect(rovingTarget('ArrowLeft', 0, 3)).toBe(2);
    expect(rovingTarget('ArrowUp', 1, 3)).toBe(0);
    expect(rovingTarget('Home', 2, 3)).toBe(0);
    expect(rovingTarget('End', 0, 3)).toBe(2);
    expect(rovingTarget('Enter', 0, 3)).toBeNull();
    expect(rovingTarget('ArrowRight', 0, 0)).toBeNull();
  });
});
