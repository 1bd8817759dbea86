// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { indexDataset } from '../../src/dataset/indexed';
import type { ClaimMatch } from '../../src/match/types';
import { PageIndicator, type PageIndicatorProps } from '../../src/ui/PageIndicator';
import {
  FIXTURE_DATASET,
  FREY_QUOTE,
  HEDGED_PARAPHRASE,
  MULTI_CLAIM,
  STATED_AS_FACT,
  makeMatch,
} from './fixtures';

const index = indexDataset(FIXTURE_DATASET);
const PASSAGES: ClaimMatch[][] = [[HEDGED_PARAPHRASE], [STATED_AS_FACT], MULTI_CLAIM, [FREY_QUOTE]];

function renderIndicator(props: Partial<PageIndicatorProps> = {}) {
  const onSelect = vi.fn();
  const onDismiss = vi.fn();
  const utils = render(
    <PageIndicator passages={PASSAGES} index={index} onSelect={onSelect} onDismiss={onDismiss} {...props} />,
  );
  return { ...utils, onSelect, onDismiss };
}

const toggle = () => screen.getByRole('button', { name: /^Source Context:/ });
const items = () =>
  within(screen.getByRole('list', { name: 'Linked passages on this page' })).getAllByRole('button');

afterEach(cleanup);

describe('PageIndicator', () => {
  it('counts passages and distinct claims in the pill, collapsed at first', () => {
    renderIndicator();
    expect(toggle().textContent).toBe('Source Context: 4 passages · 4 claims');
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('opens a list of passages with statement, page snippet and how the page carries it', () => {
    renderIndicator();
    fireEvent.click(toggle());
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    const list = screen.getByRole('list', { name: 'Linked passages on this page' });
    expect(toggle().getAttribute('aria-controls')).toBe(list.id);
    const rows = items();
    expect(rows).toHaveLength(4);
    expect(rows[0]!.textContent).toContain('weaponized her vehicle');
    expect(rows[0]!.textContent).toContain('A federal agent shot and killed');
    expect(rows[0]!.textContent).toContain('Paraphrase · Attributed to authorities');
    expect(rows[1]!.textContent).toContain('Stated as fact (no attribution)');
    expect(rows[2]!.textContent).toContain('+ 1 more claim');
    expect(document.activeElement).toBe(rows[0]);
  });

  it('moves focus with the arrow keys, Home and End, wrapping around', () => {
    renderIndicator({ defaultExpanded: true });
    const rows = items();
    rows[0]!.focus();
    fireEvent.keyDown(rows[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rows[1]);
    fireEvent.keyDown(rows[1]!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(rows[0]);
    fireEvent.keyDown(rows[0]!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(rows[3]);
    fireEvent.keyDown(rows[3]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rows[0]);
    fireEvent.keyDown(rows[0]!, { key: 'End' });
    expect(document.activeElement).toBe(rows[3]);
    fireEvent.keyDown(rows[3]!, { key: 'Home' });
    expect(document.activeElement).toBe(rows[0]);
  });

  it('starts on the passage whose card is open, marked as current', () => {
    renderIndicator({ activeIndex: 2 });
    fireEvent.click(toggle());
    expect(document.activeElement).toBe(items()[2]);
    expect(items()[2]!.getAttribute('aria-current')).toBe('true');
    expect(items()[0]!.getAttribute('aria-current')).toBeNull();
  });

  it('calls onSelect with the chosen index (Enter activates the button) and collapses', () => {
    const { onSelect } = renderIndicator({ defaultExpanded: true });
    const rows = items();
    rows[0]!.focus();
    fireEvent.keyDown(rows[0]!, { key: 'ArrowDown' });
    // A native button turns Enter into a click; happy-dom does not synthesise it, so click the focused one.
    fireEvent.click(document.activeElement!);
    expect(onSelect).toHaveBeenCalledWith(1);
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('collapses on Escape and gives focus back to the pill', () => {
    renderIndicator();
    fireEvent.click(toggle());
    fireEvent.keyDown(items()[0]!, { key: 'Escape' });
    expect(screen.queryByRole('list')).toBeNull();
    expect(document.activeElement).toBe(toggle());
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
  });

  it('lets Escape through when the list is already closed', () => {
    const onKey = vi.fn();
    renderIndicator();
    document.addEventListener('keydown', onKey);
    fireEvent.keyDown(toggle(), { key: 'Escape' });
    document.removeEventListener('keydown', onKey);
    expect(onKey).toHaveBeenCalledTimes(1);
  });

  it('calls onDismiss from its dismiss button', () => {
    const { onDismiss } = renderIndicator();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss Source Context on this page' }));
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('can be controlled by the caller', () => {
    const onExpandedChange = vi.fn();
    function Host() {
      const [open, setOpen] = useState(false);
      return (
        <PageIndicator
          passages={PASSAGES}
          index={index}
          onSelect={() => {}}
          onDismiss={() => {}}
          expanded={open}
          onExpandedChange={(next) => {
            onExpandedChange(next);
            setOpen(next);
          }}
        />
      );
    }
    render(<Host />);
    fireEvent.click(toggle());
    expect(onExpandedChange).toHaveBeenLastCalledWith(true);
    expect(items()).toHaveLength(4);
    fireEvent.keyDown(items()[0]!, { key: 'Escape' });
    expect(onExpandedChange).toHaveBeenLastCalledWith(false);
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('is disabled with no passages', () => {
    renderIndicator({ passages: [] });
    expect(toggle().textContent).toBe('Source Context: no linked passages');
    expect((toggle() as HTMLButtonElement).disabled).toBe(true);
  });

  it('renders page text as text, never as markup', () => {
    const evil = '<img src=x onerror=alert(1)>';
    renderIndicator({
      passages: [[makeMatch({ claimId: 'weaponized-vehicle', text: evil })]],
      defaultExpanded: true,
    });
    expect(document.querySelector('img')).toBeNull();
    expect(items()[0]!.textContent).toContain(evil);
  });

  it('names an unknown claim by its id', () => {
    renderIndicator({
      passages: [[makeMatch({ claimId: 'no-such-claim', text: 'x' })]],
      defaultExpanded: true,
    });
    expect(items()[0]!.textContent).toContain('no-such-claim');
  });
});
