// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { indexDataset } from '../../src/dataset/indexed';
import { CardFrame } from '../../src/ui/CardFrame';
import {
  AssertedBySection,
  FramingSection,
  KindTag,
  OutletsSection,
  outletName,
} from '../../src/ui/ClaimParts';
import { IconButton } from '../../src/ui/Icon';
import { UI_TEXT } from '../../src/ui/labels';
import { FIXTURE_DATASET, cloneFixture } from './fixtures';

const index = indexDataset(FIXTURE_DATASET);
const actorName = (id: string) => index.actor(id)?.name;
const claim = (id: string) => {
  const found = index.claim(id);
  if (!found) throw new Error(`fixture has no claim ${id}`);
  return found;
};

afterEach(cleanup);

describe('ClaimParts', () => {
  it('titles sections with the heading level asked for', () => {
    render(<AssertedBySection claim={claim('fatal-shooting')} index={index} heading="h4" />);
    const title = screen.getByRole('heading', { name: UI_TEXT.assertedBy });
    expect(title.tagName).toBe('H4');
    expect(within(title.parentElement!).getAllByRole('listitem')).toHaveLength(1);
  });

  it('labels the kind tag for screen readers', () => {
    render(<KindTag claim={claim('defensive-shots')} />);
    expect(screen.getByText('Claim kind:').parentElement?.textContent).toBe('Claim kind: Quote');
  });

  it('folds excerpts after foldAfter, and shows them all without it', () => {
    render(
      <OutletsSection claim={claim('fatal-shooting')} index={index} actorName={actorName} foldAfter={1} />,
    );
    expect(document.querySelectorAll('blockquote')).toHaveLength(4);
    expect(document.querySelectorAll('details blockquote')).toHaveLength(2);
    expect(screen.getByText('2 more excerpts from The Associated Press')).toBeTruthy();
    cleanup();
    render(<OutletsSection claim={claim('fatal-shooting')} index={index} actorName={actorName} />);
    expect(document.querySelectorAll('blockquote')).toHaveLength(4);
    expect(document.querySelector('details')).toBeNull();
  });

  it('names each outlet’s item only when asked', () => {
    render(<OutletsSection claim={claim('fatal-shooting')} index={index} actorName={actorName} nameItems />);
    expect(screen.getByRole('listitem', { name: 'The Associated Press' })).toBeTruthy();
    cleanup();
    render(<OutletsSection claim={claim('fatal-shooting')} index={index} actorName={actorName} />);
    expect(screen.queryByRole('listitem', { name: 'The Associated Press' })).toBeNull();
  });

  it('lists outlets that did not report the claim after those that did', () => {
    // Only the second outlet in dataset order (AP) reports the claim: it must come first.
    const dataset = cloneFixture();
    dataset.reports = dataset.reports.filter(
      (r) => !(r.claimId === 'fatal-shooting' && r.outletId === 'western-journal'),
    );
    const trimmed = indexDataset(dataset);
    render(<OutletsSection claim={claim('fatal-shooting')} index={trimmed} actorName={actorName} />);
    const items = Array.from(document.querySelectorAll('.sc-outlets > li'));
    expect(items.map((li) => li.className)).toEqual(['sc-outlet', 'sc-outlet sc-outlet--absent']);
    expect(items[0]!.textContent).toMatch(/^The Associated Press/);
    expect(items[1]!.textContent).toBe('Not reported by The Western Journal');
  });

  it('draws a framing table per referent, and nothing when the claim has none', () => {
    const { container } = render(<FramingSection claim={claim('weaponized-vehicle')} index={index} />);
    expect(screen.getByRole('heading', { name: UI_TEXT.framing })).toBeTruthy();
    expect(screen.getAllByRole('table').map((t) => t.querySelector('caption')?.textContent)).toEqual([
      'The driver',
      'The attempt to run officers over',
    ]);
    expect(container.textContent).toContain('DHS’s words, unhedged');
    cleanup();
    const empty = render(<FramingSection claim={claim('defensive-shots')} index={index} />);
    expect(empty.container.innerHTML).toBe('');
  });

  it('falls back to the outlet id for an outlet the dataset does not know', () => {
    expect(outletName(index, 'associated-press')).toBe('The Associated Press');
    expect(outletName(index, 'nowhere-news')).toBe('nowhere-news');
  });
});

describe('IconButton', () => {
  it('is a named, non-submitting button whose icon is hidden', () => {
    const onClick = vi.fn();
    render(<IconButton icon="close" label="Remove" class="extra" onClick={onClick} />);
    const button = screen.getByRole('button', { name: 'Remove' });
    expect(button.getAttribute('type')).toBe('button');
    expect(button.className).toBe('sc-icon-btn extra');
    expect(button.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    fireEvent.click(button);
    expect(onClick).toHaveBeenCalledWith();
  });
});

describe('CardFrame', () => {
  it('closes on Escape by default, or runs onEscape instead', () => {
    const onClose = vi.fn();
    const frame = (onEscape?: () => void) => (
      <CardFrame titleId="t" brand="Brand" onClose={onClose} onEscape={onEscape} theme="auto">
        <h2 id="t">Title</h2>
      </CardFrame>
    );
    render(frame());
    const dialog = screen.getByRole('dialog', { name: 'Title' });
    expect(document.activeElement).toBe(dialog);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    cleanup();
    const onEscape = vi.fn();
    render(frame(onEscape));
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(onEscape).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
