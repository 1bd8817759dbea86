// The UI gallery's browser entry (bundled by scripts/ui-gallery.ts): a mock article page with the
// card and indicator rendered into an open shadow root with the real stylesheet adopted, the way the
// content script will. The scene comes from the query string: ?scene=hedged&theme=dark&full=1.

import { render } from 'preact';

import type { Dataset } from '../../../src/dataset/types';
import { indexDataset } from '../../../src/dataset/indexed';
import type { ClaimMatch } from '../../../src/match/types';
import { ClaimCard } from '../../../src/ui/ClaimCard';
import { PageIndicator } from '../../../src/ui/PageIndicator';
import { UI_STYLES } from '../../../src/ui/styles';
import { FIXTURE_DATASET, FREY_QUOTE, HEDGED_PARAPHRASE, MULTI_CLAIM, STATED_AS_FACT } from '../fixtures';

/** The scenes the gallery can show; 'indicator' shows only the opened indicator. */
type Scene = 'hedged' | 'diff' | 'fact' | 'multi' | 'indicator';

// The passages of the mock page, in page order; each scene opens one of them.
const PASSAGES: { scene: Exclude<Scene, 'indicator'>; matches: ClaimMatch[] }[] = [
  { scene: 'hedged', matches: [HEDGED_PARAPHRASE] },
  { scene: 'fact', matches: [STATED_AS_FACT] },
  { scene: 'diff', matches: [FREY_QUOTE] },
  { scene: 'multi', matches: MULTI_CLAIM },
];

function readDataset(): Dataset {
  // The script embeds the compiled dataset when it has every claim the scenes use.
  const embedded = document.getElementById('dataset')?.textContent;
  return embedded ? (JSON.parse(embedded) as Dataset) : FIXTURE_DATASET;
}

function main(): void {
  const params = new URLSearchParams(location.search);
  const scene = (params.get('scene') ?? 'hedged') as Scene;
  const theme = params.get('theme') === 'dark' ? 'dark' : 'light';
  const full = params.get('full') === '1';
  document.documentElement.dataset.theme = theme;

  const index = indexDataset(readDataset());
  const active = PASSAGES.findIndex((passage) => passage.scene === scene);

  const host = document.createElement('div');
  host.setAttribute('data-source-context', '');
  host.style.cssText =
    'position: fixed; inset: auto; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647';
  document.documentElement.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`:host { all: initial } ${UI_STYLES}`);
  shadow.adoptedStyleSheets = [sheet];

  const cardLayer = document.createElement('div');
  const indicatorLayer = document.createElement('div');
  indicatorLayer.style.cssText = 'position: fixed; right: 16px; bottom: 16px';
  shadow.append(cardLayer, indicatorLayer);

  const passage = PASSAGES[active];
  if (passage) {
    const anchor = document.getElementById(`p-${passage.scene}`);
    anchor?.classList.add('active');
    const left = Math.round(
      Math.min(Math.max((anchor?.getBoundingClientRect().left ?? 40) + 24, 8), innerWidth - 388),
    );
    cardLayer.style.cssText = `position: fixed; top: 16px; left: ${left}px`;
    if (full) cardLayer.style.setProperty('--sc-card-max-height', 'none');
    render(
      <ClaimCard
        matches={passage.matches}
        index={index}
        onClose={() => cardLayer.replaceChildren()}
        onPrev={active > 0 ? () => {} : undefined}
        onNext={active < PASSAGES.length - 1 ? () => {} : undefined}
        position={{ current: active + 1, total: PASSAGES.length }}
        theme={theme}
      />,
      cardLayer,
    );
    if (!full && anchor) placeNear(cardLayer, anchor);
  }
  render(
    <PageIndicator
      passages={PASSAGES.map((p) => p.matches)}
      index={index}
      onSelect={() => {}}
      onDismiss={() => indicatorLayer.replaceChildren()}
      activeIndex={active >= 0 ? active : undefined}
      defaultExpanded={scene === 'indicator'}
      theme={theme}
    />,
    indicatorLayer,
  );
  document.body.dataset.ready = 'true';
}

// A stand-in for src/page/placement.ts: below the passage when the card fits there, else above.
function placeNear(layer: HTMLElement, anchor: Element): void {
  const rect = anchor.getBoundingClientRect();
  const height = layer.getBoundingClientRect().height;
  const below = rect.bottom + 8;
  const top = below + height <= innerHeight - 8 ? below : Math.max(8, rect.top - 8 - height);
  layer.style.top = `${Math.round(top)}px`;
}

main();
