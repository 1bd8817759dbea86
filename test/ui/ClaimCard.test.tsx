// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { indexDataset } from '../../src/dataset/indexed';
import { ClaimCard, type ClaimCardProps } from '../../src/ui/ClaimCard';
import {
  FIXTURE_DATASET,
  FREY_QUOTE,
  HEDGED_PARAPHRASE,
  MULTI_CLAIM,
  STATED_AS_FACT,
  cloneFixture,
  makeMatch,
} from './fixtures';

const index = indexDataset(FIXTURE_DATASET);

function renderCard(props: Partial<ClaimCardProps> = {}) {
  const onClose = vi.fn();
  const utils = render(
    <ClaimCard matches={[HEDGED_PARAPHRASE]} index={index} onClose={onClose} {...props} />,
  );
  return { ...utils, onClose };
}

afterEach(cleanup);

describe('ClaimCard', () => {
  it('is a non-modal dialog named by the claim statement, focused on mount', () => {
    renderCard();
    const dialog = screen.getByRole('dialog', { name: /weaponized her vehicle/ });
    expect(dialog.getAttribute('aria-modal')).toBe('false');
    expect(document.activeElement).toBe(dialog);
  });

  it('can focus its close button, or leave focus alone', () => {
    renderCard({ initialFocus: 'close' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
    cleanup();
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    renderCard({ initialFocus: 'none' });
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });

  it('shows the claim kind as a labelled tag and who asserted it', () => {
    renderCard({ matches: [makeMatch({ claimId: 'defensive-shots', text: 'fired defensive shots' })] });
    expect(screen.getByText('Claim kind:').parentElement?.textContent).toBe('Claim kind: Quote');
    const asserted = screen.getByRole('heading', { name: 'Asserted by' }).parentElement!;
    const items = within(asserted)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual(['Tricia McLaughlin, DHS spokeswoman', 'Department of Homeland Security']);
  });

  it('says how this page carries a hedged, attributed paraphrase', () => {
    renderCard();
    const section = screen.getByRole('heading', { name: 'How this page carries it' }).parentElement!;
    const cues = within(section)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(cues).toEqual([
      'Attributed to authorities (Department of Homeland Security)',
      'Hedged: allegedly',
      'Paraphrase',
    ]);
    expect(within(section).getByText(/Why linked:/).parentElement?.textContent).toContain(
      'Paraphrase — key facts',
    );
  });

  it('says when the page states a claim as fact', () => {
    renderCard({ matches: [STATED_AS_FACT] });
    expect(screen.getByText('Stated as fact (no attribution)')).toBeTruthy();
  });

  it('lists each outlet with tags, the excerpt as a quotation and a safe link; "Not reported by" for the others', () => {
    renderCard({ matches: [STATED_AS_FACT] });
    const link = screen.getByRole('link', { name: /The Western Journal/ });
    expect(link.getAttribute('href')).toBe(FIXTURE_DATASET.outlets[0]!.url);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.getByText('Not reported by The Associated Press')).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Associated Press/ })).toBeNull();
    const quote = document.querySelector('blockquote');
    expect(quote?.textContent).toContain('a group of rioters began blocking officers');
    expect(screen.getByText('Attributed to Department of Homeland Security')).toBeTruthy();
    expect(screen.getByText('Loaded words:').parentElement?.textContent).toBe('Loaded words: “rioters”');
  });

  it('links to every outlet that carried the claim', () => {
    renderCard();
    expect(screen.getByRole('link', { name: /Associated Press/ }).getAttribute('href')).toMatch(
      /^https:\/\/www\.ksby/,
    );
    expect(screen.getByRole('link', { name: /Western Journal/ })).toBeTruthy();
    expect(screen.queryByText(/Not reported by/)).toBeNull();
  });

  it('folds an outlet’s further excerpts into a disclosure', () => {
    renderCard({ matches: [makeMatch({ claimId: 'fatal-shooting', text: 'shot and killed' })] });
    expect(screen.getByText('1 more excerpt from The Associated Press')).toBeTruthy();
    expect(document.querySelectorAll('blockquote')).toHaveLength(4);
    expect(document.querySelectorAll('details blockquote')).toHaveLength(1);
  });

  it('shows the word diff for frey-demands-ice-leave with <ins>/<del> and hidden words', () => {
    renderCard({ matches: [FREY_QUOTE] });
    const section = screen.getByRole('heading', { name: 'Where this page’s quote differs' }).parentElement!;
    const figure = within(section).getByRole('figure', {
      name: 'Compared with The Western Journal’s printed words',
    });
    expect(figure.textContent).toContain(
      'This page adds “We are” and “and state”, and leaves out “We’re” and “to”.',
    );
    const diff = figure.querySelector('.sc-diff__text')!;
    expect([...diff.querySelectorAll('ins')].map((el) => el.textContent)).toEqual([
      '+[on this page only: We are]',
      '+[on this page only: and state]',
    ]);
    expect([...diff.querySelectorAll('del')].map((el) => el.textContent)).toEqual([
      '−[printed by the outlet only: We’re]',
      '−[printed by the outlet only: to]',
    ]);
    // Only the outlet whose words differ gets a diff; the identical one gets a plain line.
    expect(within(section).queryByRole('figure', { name: /Associated Press/ })).toBeNull();
    expect(screen.getByText('Same words as The Associated Press printed')).toBeTruthy();
  });

  it('has no diff section when the page quotes every outlet exactly', () => {
    renderCard({ matches: [{ ...FREY_QUOTE, quoteComparisons: FREY_QUOTE.quoteComparisons.slice(1) }] });
    expect(screen.queryByRole('heading', { name: 'Where this page’s quote differs' })).toBeNull();
  });

  it('shows the framing terms as a table per referent', () => {
    renderCard();
    const table = screen.getByRole('table', { name: 'The driver' });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => row.textContent);
    expect(rows).toEqual([
      'OutletWords used',
      'The Western Journal“one individual”, “the alleged perpetrator” and “the driver”',
      'The Associated Press“a Minneapolis motorist” and “the woman”',
    ]);
    expect(within(table).getByRole('rowheader', { name: 'The Western Journal' })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'The attempt to run officers over' })).toBeTruthy();
  });

  it('switches between the claims of a multi-claim passage with tabs and arrow keys', () => {
    renderCard({ matches: MULTI_CLAIM });
    screen.getByRole('dialog', { name: 'This passage states 2 claims' });
    const tabs = screen.getAllByRole('tab');
    expect(tabs).toHaveLength(2);
    expect(tabs[0]!.getAttribute('aria-selected')).toBe('true');
    expect(tabs[1]!.getAttribute('tabindex')).toBe('-1');
    const panel = screen.getByRole('tabpanel');
    expect(panel.getAttribute('aria-labelledby')).toBe(tabs[0]!.id);
    expect(panel.textContent).toContain('Mayor Frey demanded that ICE leave');

    fireEvent.keyDown(tabs[0]!, { key: 'ArrowRight' });
    const after = screen.getAllByRole('tab');
    expect(after[1]!.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(after[1]);
    expect(screen.getByRole('tabpanel').textContent).toContain('We stand rock solid');
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(after[1]!.id);

    fireEvent.keyDown(after[1]!, { key: 'ArrowRight' });
    expect(screen.getAllByRole('tab')[0]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(screen.getAllByRole('tab')[0]!, { key: 'End' });
    expect(screen.getAllByRole('tab')[1]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.click(screen.getAllByRole('tab')[0]!);
    expect(screen.getAllByRole('tab')[0]!.getAttribute('aria-selected')).toBe('true');
  });

  it('merges duplicate matches of one claim into one tab', () => {
    renderCard({ matches: [HEDGED_PARAPHRASE, { ...HEDGED_PARAPHRASE, score: 0.2 }] });
    expect(screen.queryByRole('tablist')).toBeNull();
    screen.getByRole('dialog', { name: /weaponized her vehicle/ });
  });

  it('calls onClose from the close button and from Escape', () => {
    const { onClose } = renderCard();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(screen.getByRole('link', { name: /Western Journal/ }), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(2);
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Enter' });
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('scrolls its body with the scrolling keys while the dialog itself has focus', () => {
    renderCard();
    const dialog = screen.getByRole('dialog');
    const body = dialog.querySelector('.sc-card__body') as HTMLElement;
    // happy-dom has no layout: a 300 px body over 1000 px of content.
    Object.defineProperty(body, 'clientHeight', { configurable: true, value: 300 });
    Object.defineProperty(body, 'scrollHeight', { configurable: true, value: 1000 });
    const scrollTo = vi.fn((options: ScrollToOptions) => {
      body.scrollTop = options.top ?? 0;
    });
    body.scrollTo = scrollTo as unknown as HTMLElement['scrollTo'];
    const press = (key: string, init: KeyboardEventInit = {}, target: Element = dialog) =>
      fireEvent.keyDown(target, { key, ...init });
    expect(press('ArrowDown')).toBe(false); // handled: the page does not scroll
    expect(body.scrollTop).toBe(40);
    press('PageDown');
    expect(body.scrollTop).toBe(300);
    press(' ', { shiftKey: true });
    expect(body.scrollTop).toBe(40);
    press('End');
    expect(body.scrollTop).toBe(700);
    // At the end, a key that cannot move the body is left to the page.
    expect(press('ArrowDown')).toBe(true);
    press('Home');
    expect(body.scrollTop).toBe(0);
    const calls = scrollTo.mock.calls.length;
    // Modified keys (our Alt+Shift shortcut), other keys, and keys on the card's controls are not ours.
    expect(press('ArrowDown', { altKey: true, shiftKey: true })).toBe(true);
    expect(press('Enter')).toBe(true);
    expect(press('ArrowDown', {}, screen.getByRole('button', { name: 'Close' }))).toBe(true);
    expect(scrollTo.mock.calls.length).toBe(calls);
    expect(document.activeElement).toBe(dialog);
  });

  it('shows the position and calls onPrev/onNext; buttons without a handler are disabled', () => {
    const onNext = vi.fn();
    renderCard({ position: { current: 3, total: 12 }, onNext });
    const nav = screen.getByRole('group', { name: 'Linked passages on this page' });
    expect(nav.textContent).toContain('Passage 3 of 12');
    const prev = screen.getByRole('button', { name: 'Previous passage' }) as HTMLButtonElement;
    expect(prev.disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Next passage' }));
    expect(onNext).toHaveBeenCalledTimes(1);
  });

  it('has no passage navigation when the caller gives none', () => {
    renderCard();
    expect(screen.queryByRole('group', { name: 'Linked passages on this page' })).toBeNull();
  });

  it('explains a claim id missing from the dataset instead of failing', () => {
    renderCard({ matches: [makeMatch({ claimId: 'no-such-claim', text: 'x' })] });
    screen.getByRole('dialog', { name: 'Claim not found' });
    expect(screen.getByRole('note').textContent).toBe(
      'This passage is linked to claim “no-such-claim”, which is not in the bundled dataset.',
    );
  });

  it('renders every page and dataset string as text, never as markup', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const data = cloneFixture();
    const target = data.claims.find((c) => c.id === 'weaponized-vehicle')!;
    target.statement = `Statement ${evil}`;
    data.actors.find((a) => a.id === 'dhs')!.name = `DHS ${evil}`;
    data.outlets[0]!.name = `Outlet ${evil}`;
    data.reports.find((r) => r.id === 'weaponized-vehicle/western-journal')!.excerpt = `Excerpt ${evil}`;
    data.framing[0]!.referent = `Referent ${evil}`;
    const match = {
      ...HEDGED_PARAPHRASE,
      text: `Page ${evil}`,
      detail: `Detail ${evil}`,
      hedges: [evil],
      attributedTo: { text: evil },
    };
    render(<ClaimCard matches={[match]} index={indexDataset(data)} onClose={() => {}} />);
    expect(document.querySelector('img')).toBeNull();
    screen.getByRole('dialog', { name: `Statement ${evil}` });
    expect(screen.getByText(`Excerpt ${evil}`).tagName).toBe('BLOCKQUOTE');
    expect(screen.getByText(`Hedged: ${evil}`)).toBeTruthy();
    expect(screen.getByRole('table', { name: `Referent ${evil}` })).toBeTruthy();
    expect(document.body.textContent).toContain(`Outlet ${evil}`);
  });

  it('does not link an outlet whose URL is not http(s)', () => {
    const data = cloneFixture();
    data.outlets[0]!.url = 'javascript:alert(1)';
    render(<ClaimCard matches={[HEDGED_PARAPHRASE]} index={indexDataset(data)} onClose={() => {}} />);
    expect(screen.queryByRole('link', { name: /Western Journal/ })).toBeNull();
    expect(screen.getByRole('link', { name: /Associated Press/ })).toBeTruthy();
  });

  it('sets the theme attribute the stylesheet keys on', () => {
    renderCard({ theme: 'dark' });
    expect(screen.getByRole('dialog').getAttribute('data-theme')).toBe('dark');
  });
});
