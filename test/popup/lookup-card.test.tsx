// @vitest-environment happy-dom
// The lookup card (src/ui/LookupCard.tsx): the claim card when the selection states claims, and
// "nothing matches" with the closest claims, each opening the dataset's account of it.

import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { LookupResult } from '../../src/messages';
import { LookupCard } from '../../src/ui/LookupCard';
import { FREY_QUOTE, HEDGED_PARAPHRASE } from '../ui/fixtures';
import { INDEX } from './setup';

afterEach(cleanup);

function renderCard(result: LookupResult) {
  const onClose = vi.fn();
  render(<LookupCard result={result} index={INDEX} onClose={onClose} />);
  return { onClose };
}

const NOTHING: LookupResult = {
  text: 'The mayor said officers were causing trouble downtown near the stadium',
  matches: [],
  closest: [
    { claimId: 'frey-demands-ice-leave', score: 0.12, detail: 'Names: mayor (1 of 2 key facts)' },
    { claimId: 'rioters-blocked-officers', score: 0.05, detail: 'Shares the word “officers”.' },
    { claimId: 'not-in-this-dataset', score: 0.04, detail: 'x' },
    { claimId: 'fatal-shooting', score: 0, detail: 'No key facts or words in common.' },
  ],
};

describe('LookupCard', () => {
  it('is the claim card, ranked, when the selection states claims', () => {
    renderCard({ text: 'x', matches: [FREY_QUOTE, HEDGED_PARAPHRASE], closest: [] });
    const dialog = screen.getByRole('dialog', { name: 'This passage states 2 claims' });
    const tabs = within(dialog).getAllByRole('tab');
    expect(tabs[0]!.getAttribute('aria-selected')).toBe('true');
    expect(tabs[0]!.textContent).toContain('Mayor Frey demanded'); // best first
    expect(within(dialog).getByRole('heading', { name: 'How this page carries it' })).toBeTruthy();
  });

  it('says plainly when nothing matches, quoting the selection', () => {
    renderCard(NOTHING);
    const dialog = screen.getByRole('dialog', { name: 'No claim from the dataset matches this selection' });
    expect(document.activeElement).toBe(dialog);
    expect(within(dialog).getByText(/^The mayor said officers were causing trouble/)).toBeTruthy();
  });

  it('offers the closest claims that share something, and opens one in the card', () => {
    renderCard(NOTHING);
    const list = screen.getByRole('list', { name: 'Closest claims' });
    const buttons = within(list).getAllByRole('button');
    // Unknown ids and claims with nothing in common are not offered.
    expect(buttons.map((b) => b.textContent)).toEqual([
      'Mayor Frey demanded that ICE leave the city (and, in the AP’s version, the state) immediately.Names: mayor (1 of 2 key facts)',
      'A group of “rioters” began blocking the officers.Shares the word “officers”.',
    ]);
    fireEvent.click(buttons[1]!);
    const dialog = screen.getByRole('dialog', { name: 'A group of “rioters” began blocking the officers.' });
    expect(within(dialog).getByText('Not reported by The Associated Press')).toBeTruthy();
    const back = within(dialog).getByRole('button', { name: 'Back to the closest claims' });
    expect(document.activeElement).toBe(back);
    fireEvent.click(back);
    expect(
      screen.getByRole('dialog', { name: 'No claim from the dataset matches this selection' }),
    ).toBeTruthy();
    expect(document.activeElement?.textContent).toContain('rioters'); // focus returns to the item
  });

  it('Escape goes back from a claim, then closes', () => {
    const { onClose } = renderCard(NOTHING);
    fireEvent.click(within(screen.getByRole('list', { name: 'Closest claims' })).getAllByRole('button')[0]!);
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('list', { name: 'Closest claims' })).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('says when nothing in the dataset is even close', () => {
    renderCard({
      text: 'tomato gardening',
      matches: [],
      closest: [{ claimId: 'fatal-shooting', score: 0, detail: '' }],
    });
    expect(screen.getByText('Nothing in the dataset shares words with it.')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Closest claims' })).toBeNull();
  });

  it('asks for a selection when there was none', () => {
    const { onClose } = renderCard({ text: '  ', matches: [], closest: [] });
    const dialog = screen.getByRole('dialog', { name: 'Nothing selected' });
    expect(dialog.textContent).toContain('Select some text on the page first');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
