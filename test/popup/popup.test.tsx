// @vitest-environment happy-dom
// The popup, rendered against the fake browser with the real service worker and store behind it,
// queried by role and label as a screen reader would.

import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';

import { createStore } from '../../src/storage/store';
import { FakeContentApi, summaryOf } from '../background/fake-content';
import { FIXTURE_DATASET } from '../ui/fixtures';
import { LINKED, UNRELATED, renderPopup, runContent, stopAll } from './setup';

afterEach(() => {
  cleanup();
  stopAll();
});

const tab = (name: string) => screen.getByRole('tab', { name });
const panel = () => screen.getByRole('tabpanel');

describe('the page tab, on a page about the incident', () => {
  it('says the page is about the incident, and why', async () => {
    await renderPopup(LINKED);
    expect(screen.getByRole('heading', { name: 'This page is about the incident' })).toBeTruthy();
    expect(screen.getByText('4 passages linked to 4 claims from the dataset.')).toBeTruthy();
    expect(screen.getByText('Recognition score 86%')).toBeTruthy();
    const signs = within(screen.getByRole('list', { name: 'Signs of the incident' })).getAllByRole(
      'listitem',
    );
    expect(signs.map((li) => li.textContent)).toEqual([
      'East 34th Street and Portland Avenue',
      'Minneapolis',
    ]);
    const against = screen.getByRole('list', { name: 'Signs of another incident' });
    expect(against.textContent).toBe('another city (points elsewhere)');
    expect(screen.getByText('news.example')).toBeTruthy(); // the site, in the header
    // Site access granted (as Chrome always does): no note asks for it.
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('lists the linked passages grouped by claim, with who asserted each and how the page carries it', async () => {
    await renderPopup(LINKED);
    const list = screen.getByRole('heading', { name: 'Claims on this page (4)' }).parentElement!;
    const claims = within(list)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(claims).toEqual([
      'The driver “weaponized her vehicle, attempting to run over our law enforcement officers in an attempt to kill them.”',
      'A group of “rioters” began blocking the officers.',
      'Mayor Frey demanded that ICE leave the city (and, in the AP’s version, the state) immediately.',
      'Frey: “We stand rock solid with our immigrant and refugee communities.”',
    ]);
    expect(list.textContent).toContain('Asserted by: Department of Homeland Security');
    expect(list.textContent).toContain(
      'Paraphrase · Attributed to authorities (Department of Homeland Security) · Hedged: allegedly',
    );
    expect(list.textContent).toContain('Stated as fact (no attribution)');
    // Frey's demand is stated by two passages (the multi-claim one and the single quote).
    expect(within(list).getAllByRole('button', { name: /^Show on page/ })).toHaveLength(5);
  });

  it('“Show on page” scrolls to the passage; “Open card” opens it and closes the popup', async () => {
    const { api, closed } = await renderPopup(LINKED);
    fireEvent.click(screen.getByRole('button', { name: /^Show on page\W+passage 2$/ }));
    await waitFor(() => expect(api.shown).toEqual([1]));
    fireEvent.click(screen.getByRole('button', { name: /^Open card\W+passage 4$/ }));
    await waitFor(() => expect(api.opened).toEqual([3]));
    await waitFor(() => expect(closed.count).toBe(1));
  });

  it('shows a coverage table of the page’s claims against every outlet', async () => {
    await renderPopup(LINKED);
    const table = screen.getByRole('table', {
      name: 'How this page and each outlet carried the claims on this page',
    });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((th) => th.textContent);
    expect(headers).toEqual(['Claim', 'This page', 'Western Journal', 'Associated Press']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(4);
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole('cell')
        .map((td) => td.textContent);
    // weaponized-vehicle: hedged and attributed here; how each outlet carried it.
    expect(within(rows[0]!).getByRole('rowheader').textContent).toMatch(
      /^1The driver “weaponized her vehicle/,
    );
    expect(cells(rows[0]!)[0]).toBe('Attributed, Hedged, Paraphrase');
    // rioters: stated as fact here; only the Western Journal reported it.
    expect(cells(rows[1]!)).toEqual([
      'As fact, Paraphrase',
      expect.stringMatching(/^(Attributed|As fact)/),
      'Not reported',
    ]);
  });

  it('lists the claims the page leaves out, each opening in the search tab', async () => {
    await renderPopup(LINKED);
    const details = screen.getByText(/^Left out by this page \(\d+\)$/).closest('details')!;
    const items = within(details).getAllByRole('button');
    const names = items.map((b) => b.textContent);
    expect(names.some((n) => n?.startsWith('An ICE officer shot and killed a woman'))).toBe(true);
    expect(names.every((n) => !n?.includes('rioters'))).toBe(true); // on the page, so not left out
    fireEvent.click(items.find((b) => b.textContent?.startsWith('An ICE officer shot'))!);
    await waitFor(() => expect(tab('Search').getAttribute('aria-selected')).toBe('true'));
    const opened = screen.getByRole('button', { name: /^An ICE officer shot and killed/, expanded: true });
    expect(document.activeElement).toBe(opened);
  });
});

describe('the page tab elsewhere', () => {
  it('on an unrelated page: says so, and offers the search', async () => {
    await renderPopup(UNRELATED);
    expect(screen.getByRole('heading', { name: 'This page isn’t about the incident' })).toBeTruthy();
    expect(screen.getByText('No place, person or date of the incident appears on this page.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Search the dataset' }));
    expect(tab('Search').getAttribute('aria-selected')).toBe('true');
  });

  it('where no script runs yet: has one injected, then reads the page', async () => {
    const { fake } = await renderPopup(undefined, {
      url: 'https://late.example/story',
      before: ({ fake, api }) => {
        api.current = LINKED;
        fake.onInject = () => runContent(fake, 1, api);
      },
    });
    expect(fake.injections).toEqual([{ tabId: 1, frameId: 0 }]);
    expect(screen.getByRole('heading', { name: 'This page is about the incident' })).toBeTruthy();
  });

  it('where no script can run: explains why', async () => {
    await renderPopup(undefined, { url: 'chrome://extensions/' });
    const note = screen.getByRole('note', { name: 'Source Context can’t run on this page' });
    expect(note.textContent).toContain('Browsers don’t let extensions read their own pages');
  });

  it('where injection was refused: explains what the browser said', async () => {
    await renderPopup(undefined, {
      url: 'https://docs.example/paper.pdf',
      before: ({ fake }) => {
        fake.onInject = () => {
          throw new Error('Cannot access a chrome-extension:// URL of different extension');
        };
      },
    });
    expect(screen.getByRole('note', { name: 'Source Context can’t run on this page' }).textContent).toContain(
      'built-in viewer',
    );
  });

  it('notes a partly read page', async () => {
    await renderPopup({
      ...LINKED,
      partial: true,
      scannedChars: 250_000,
      totalChars: 1_000_000,
      note: 'The page is very long.',
    });
    expect(screen.getByRole('note', { name: 'Only part of this page was read' }).textContent).toContain(
      'Source Context read 25% of this page’s text. The page is very long.',
    );
  });

  it('asks again while the page is still being read', async () => {
    const { api } = await renderPopup(summaryOf([], { state: 'scanning' }), { props: { pollMs: 5 } });
    expect(screen.getByRole('heading', { name: 'Reading this page…' })).toBeTruthy();
    api.current = LINKED;
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: 'This page is about the incident' })).toBeTruthy(),
    );
  });

  it('on a paused site: offers to resume, and the page is read again', async () => {
    const { store, api } = await renderPopup(summaryOf([], { state: 'paused' }), {
      before: ({ store }) => store.change({ kind: 'site-pause', site: 'news.example', paused: true }),
    });
    const resume = await screen.findByRole('button', { name: 'Resume on news.example' });
    api.current = LINKED; // what the controller reports once it resumes
    const before = api.settings.length;
    fireEvent.click(resume);
    await waitFor(() => expect(api.settings.length).toBe(before + 1));
    expect(api.settings.at(-1)).toEqual({ paused: false, highlightStyle: 'background' });
    expect((await store.settings()).value.pausedSites).toEqual([]);
    await screen.findByRole('heading', { name: 'This page is about the incident' });
  });
});

describe('tabs', () => {
  it('are a tablist navigable with the arrow keys, Home and End', async () => {
    await renderPopup(LINKED);
    const list = screen.getByRole('tablist', { name: 'Source Context panel' });
    expect(
      within(list)
        .getAllByRole('tab')
        .map((t) => t.textContent),
    ).toEqual(['This page', 'Search', 'History', 'Settings']);
    tab('This page').focus();
    fireEvent.keyDown(tab('This page'), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tab('Search'));
    expect(tab('Search').getAttribute('aria-selected')).toBe('true');
    expect(panel().getAttribute('aria-labelledby')).toBe(tab('Search').id);
    fireEvent.keyDown(tab('Search'), { key: 'End' });
    expect(document.activeElement).toBe(tab('Settings'));
    fireEvent.keyDown(tab('Settings'), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tab('This page'));
    fireEvent.keyDown(tab('This page'), { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(tab('Settings'));
    fireEvent.keyDown(tab('Settings'), { key: 'Home' });
    expect(tab('This page').getAttribute('tabindex')).toBe('0');
    expect(tab('Settings').getAttribute('tabindex')).toBe('-1');
  });
});

describe('search', () => {
  it('finds claims by words, narrows by actor and outlet, and expands a result', async () => {
    await renderPopup(UNRELATED);
    fireEvent.click(tab('Search'));
    const box = screen.getByRole('searchbox', { name: 'Words to search for' });
    expect(screen.getByRole('status').textContent).toBe(`${FIXTURE_DATASET.claims.length} claims found`);
    fireEvent.input(box, { target: { value: 'frey' } });
    expect(screen.getByRole('status').textContent).toBe('2 claims found');
    fireEvent.input(box, { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Asserted by' }), {
      target: { value: 'tricia-mclaughlin' },
    });
    expect(screen.getByRole('status').textContent).toBe('1 claim found');
    fireEvent.change(screen.getByRole('combobox', { name: 'Asserted by' }), { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Reported by' }), {
      target: { value: 'associated-press' },
    });
    fireEvent.input(box, { target: { value: 'rioters' } });
    expect(screen.getByRole('status').textContent).toBe('No claims found');
    expect(screen.getByText(/No claim in the dataset matches/)).toBeTruthy();

    fireEvent.change(screen.getByRole('combobox', { name: 'Reported by' }), { target: { value: '' } });
    const result = screen.getByRole('button', { name: /rioters/, expanded: false });
    fireEvent.click(result);
    expect(result.getAttribute('aria-expanded')).toBe('true');
    const region = document.getElementById(result.getAttribute('aria-controls')!)!;
    expect(region.textContent).toContain('Not reported by The Associated Press');
    expect(within(region).getByRole('link', { name: /Open article from The Western Journal/ })).toBeTruthy();
  });
});

describe('history', () => {
  it('lists lookups, opens their claims, removes one and clears all after confirming', async () => {
    const { store } = await renderPopup(LINKED, {
      before: async ({ store }) => {
        await store.addHistory({
          text: 'tomatoes',
          url: 'https://garden.example/',
          title: 'Garden',
          time: 9_990_000,
          claimIds: [],
        });
        await store.addHistory({
          text: 'a group of rioters',
          url: 'https://blog.example/post',
          title: 'A blog post',
          time: 9_999_000,
          claimIds: ['rioters-blocked-officers'],
        });
      },
    });
    fireEvent.click(tab('History'));
    await screen.findByText('a group of rioters');
    expect(screen.getByText('tomatoes').closest('li')!.textContent).toContain('No claim matched');
    const entry = screen.getByText('a group of rioters').closest('li')!;
    expect(entry.textContent).toContain('A blog postblog.example · just now');

    fireEvent.click(screen.getAllByRole('button', { name: 'Remove this lookup' })[1]!);
    await waitFor(() => expect(screen.queryByText('tomatoes')).toBeNull());
    expect((await store.history()).value.map((e) => e.text)).toEqual(['a group of rioters']);

    fireEvent.click(screen.getByRole('button', { name: 'Clear history' }));
    const confirm = screen.getByRole('group', { name: 'Clear all lookups?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByText('a group of rioters')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear history' }));
    fireEvent.click(screen.getByRole('button', { name: 'Clear all' }));
    await screen.findByText(/No lookups yet/);
    expect((await store.history()).value).toEqual([]);
  });

  it('opens a matched claim in the search tab', async () => {
    await renderPopup(UNRELATED, {
      before: ({ store }) =>
        store.addHistory({
          text: 'x',
          url: 'https://a.example/',
          title: 'A',
          time: 1,
          claimIds: ['rioters-blocked-officers'],
        }),
    });
    fireEvent.click(tab('History'));
    fireEvent.click(
      await screen.findByRole('button', { name: 'A group of “rioters” began blocking the officers.' }),
    );
    expect(tab('Search').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('button', { name: /began blocking the officers/, expanded: true })).toBeTruthy();
  });
});

describe('settings', () => {
  it('pause on this site, pause everywhere and the highlight style reach the page', async () => {
    const { api, store } = await renderPopup(LINKED);
    fireEvent.click(tab('Settings'));
    const site = (await screen.findByRole('switch', { name: 'Pause on news.example' })) as HTMLInputElement;
    await waitFor(() => expect(site.disabled).toBe(false)); // enabled once the settings have loaded
    fireEvent.click(site);
    await waitFor(() => expect(api.settings.at(-1)).toEqual({ paused: true, highlightStyle: 'background' }));
    await waitFor(() =>
      expect(
        (screen.getByRole('switch', { name: 'Pause on news.example' }) as HTMLInputElement).checked,
      ).toBe(true),
    );
    const paused = screen.getByRole('region', { name: 'Paused sites' });
    expect(
      within(paused)
        .getAllByRole('listitem')
        .map((li) => li.firstChild?.textContent),
    ).toEqual(['news.example']);

    expect(
      (screen.getByRole('radio', { name: 'Background', description: /easy to spot/ }) as HTMLInputElement)
        .checked,
    ).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'Underline' }));
    await waitFor(() => expect(api.settings.at(-1)).toEqual({ paused: true, highlightStyle: 'underline' }));

    fireEvent.click(screen.getByRole('button', { name: /^Resume\W+news\.example$/ }));
    await waitFor(() => expect(api.settings.at(-1)).toEqual({ paused: false, highlightStyle: 'underline' }));

    fireEvent.click(screen.getByRole('switch', { name: 'Pause everywhere' }));
    await waitFor(() => expect(api.settings.at(-1)?.paused).toBe(true));
    expect((await store.settings()).value).toEqual({
      globalPause: true,
      highlightStyle: 'underline',
      pausedSites: [],
    });
    const footer = screen.getByRole('main').querySelector('footer')!.textContent;
    expect(footer).toContain('sends nothing anywhere');
    expect(footer).toContain(`Extension 0.1.0 · Dataset ${FIXTURE_DATASET.version}`);
  });

  it('shows a note when storage fell back to defaults', async () => {
    const failing = createStore({
      datasetVersion: FIXTURE_DATASET.version,
      indexedDB: {
        open() {
          throw new DOMException('The user denied permission to access the database.', 'SecurityError');
        },
      } as unknown as IDBFactory,
    });
    await renderPopup(LINKED, { store: failing });
    const note = await screen.findByRole('note', { name: 'Settings are not being saved' });
    expect(note.textContent).toContain('Storage is not available');
    expect(note.textContent).toContain('denied permission');
    // The page still works.
    expect(screen.getByRole('heading', { name: 'This page is about the incident' })).toBeTruthy();
  });
});

describe('site access (Firefox)', () => {
  it('explains and asks when access to sites is missing', async () => {
    const { fake } = await renderPopup(LINKED, {
      before: ({ fake }) => {
        fake.hostAccess = false;
      },
    });
    const note = await screen.findByRole('note', { name: 'Source Context needs access to sites' });
    expect(note.textContent).toContain('you can still select text, right-click it');
    fireEvent.click(within(note).getByRole('button', { name: 'Allow on all sites' }));
    await waitFor(() =>
      expect(screen.queryByRole('note', { name: 'Source Context needs access to sites' })).toBeNull(),
    );
    expect(fake.permissionRequests).toEqual([['http://*/*', 'https://*/*']]);
  });

  it('says so when the reader declines', async () => {
    await renderPopup(LINKED, {
      before: ({ fake }) => {
        fake.hostAccess = false;
        fake.grantOnRequest = false;
      },
    });
    const note = await screen.findByRole('note', { name: 'Source Context needs access to sites' });
    fireEvent.click(within(note).getByRole('button', { name: 'Allow on all sites' }));
    expect(await within(note).findByRole('status')).toBeTruthy();
  });

  it('the welcome page greets, explains access and has no page to describe', async () => {
    const { fake } = await renderPopup(undefined, {
      props: { welcome: true, inTab: true },
      before: ({ fake }) => {
        fake.hostAccess = false;
      },
    });
    expect(await screen.findByRole('heading', { name: 'Welcome to Source Context' })).toBeTruthy();
    expect(await screen.findByRole('note', { name: 'Source Context needs access to sites' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Open the panel in a tab' })).toBeNull();
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual([
      'Start',
      'Search',
      'History',
      'Settings',
    ]);
    expect(fake.injections).toEqual([]);
  });
});

describe('open in a tab', () => {
  it('opens popup.html?tab=<id> and closes the popup', async () => {
    const { fake, closed } = await renderPopup(LINKED);
    fireEvent.click(screen.getByRole('button', { name: 'Open the panel in a tab' }));
    await waitFor(() =>
      expect(fake.created).toEqual([`chrome-extension://${'abcdefghijklmnop'.repeat(2)}/popup.html?tab=1`]),
    );
    expect(closed.count).toBe(1);
  });

  it('describes the tab named by ?tab=, not the active one', async () => {
    await renderPopup(undefined, {
      url: 'https://other.example/',
      props: { tabId: 2, inTab: true },
      before: ({ fake }) => {
        fake.addTab(2, LINKED.url);
        runContent(fake, 2, new FakeContentApi(LINKED));
      },
    });
    expect(screen.getByRole('heading', { name: 'This page is about the incident' })).toBeTruthy();
  });
});
