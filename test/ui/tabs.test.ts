import { describe, expect, it } from 'vitest';

import { tabKeyTarget } from '../../src/ui/tabs';

describe('tabKeyTarget', () => {
  it('steps with Left/Right, wrapping at both ends', () => {
    expect(tabKeyTarget('ArrowRight', 0, 4, 'horizontal')).toBe(1);
    expect(tabKeyTarget('ArrowRight', 3, 4, 'horizontal')).toBe(0);
    expect(tabKeyTarget('ArrowLeft', 0, 4, 'horizontal')).toBe(3);
    expect(tabKeyTarget('ArrowLeft', 2, 4, 'horizontal')).toBe(1);
  });

  it('jumps with Home and End', () => {
    expect(tabKeyTarget('Home', 2, 4, 'horizontal')).toBe(0);
    expect(tabKeyTarget('End', 1, 4, 'all')).toBe(3);
  });

  it('takes Up/Down only when asked for all arrows', () => {
    expect(tabKeyTarget('ArrowDown', 0, 2, 'horizontal')).toBeUndefined();
    expect(tabKeyTarget('ArrowUp', 0, 2, 'horizontal')).toBeUndefined();
    expect(tabKeyTarget('ArrowDown', 0, 2, 'all')).toBe(1);
    expect(tabKeyTarget('ArrowUp', 0, 2, 'all')).toBe(1);
  });

  it('leaves other keys alone', () => {
    expect(tabKeyTarget('Enter', 0, 2, 'all')).toBeUndefined();
    expect(tabKeyTarget('a', 0, 2, 'all')).toBeUndefined();
  });
});
