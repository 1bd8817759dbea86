// The overlay card for one passage of a page: which dataset claim(s) it states, who asserted them,
// how this page carries them, how each outlet reported them, where the page's quote differs from
// what an outlet printed, and the words each outlet chose. Props in, callbacks out: the content
// script's controller owns placement, page listeners and the shadow root (STYLE.md, adder.tsx vs
// AdderToolbar.tsx). Every page or dataset string is rendered as a JSX text child, never as markup.

import { useEffect, useId, useMemo, useState } from 'preact/hooks';

import type { DatasetIndex } from '../dataset/indexed';
import type { Claim } from '../dataset/types';
import type { ClaimMatch, DiffOp, QuoteComparison } from '../match/types';
import { CardFrame, type CardInitialFocus } from './CardFrame';
import {
  AssertedBySection,
  FramingSection,
  KindTag,
  OutletsSection,
  Section,
  outletName,
} from './ClaimParts';
import { Icon, IconButton } from './Icon';
import {
  UI_TEXT,
  comparedWith,
  describeCarriage,
  diffLegend,
  diffSummary,
  multiClaimTitle,
  positionText,
  sameWordsAs,
  unknownClaimNotice,
  whyLinked,
  type ActorName,
  type CarriageCue,
} from './labels';
import { uniqueClaims } from './passages';
import type { Theme } from './styles';
import { useTabs } from './tabs';
import { snippet } from './text';

export type { CardInitialFocus } from './CardFrame';

/** Props of the overlay card for one passage. */
export interface ClaimCardProps {
  /** The matches of ONE passage (one per claim it states; duplicates of a claim are merged). */
  matches: readonly ClaimMatch[];
  index: DatasetIndex;
  /** Close was pressed, or Escape inside the card. */
  onClose(): void;
  /** Go to the previous / next linked passage; the button is disabled when absent. */
  onPrev?: () => void;
  onNext?: () => void;
  /** 1-based position of this passage among the page's linked passages ("3 of 12"). */
  position?: { current: number; total: number };
  /** Focus on mount: the dialog itself (default), its close button, or leave focus alone. */
  initialFocus?: CardInitialFocus;
  /** 'auto' (default) follows prefers-color-scheme; the caller may match the page instead. */
  theme?: Theme;
}

// Excerpts shown per outlet before the rest fold into a disclosure.
const VISIBLE_EXCERPTS = 2;
// Tab labels are the claim statement, cut to this many characters.
const TAB_LABEL_CHARS = 44;

/** The overlay card: a labelled, non-modal dialog for one passage. */
export function ClaimCard(props: ClaimCardProps) {
  const { matches, index, onClose, onPrev, onNext, position, initialFocus, theme = 'auto' } = props;
  const baseId = `sc-card-${useId()}`;
  const titleId = `${baseId}-title`;

  const { known, unknown } = useMemo(() => resolveClaims(matches, index), [matches, index]);
  const claimKey = known.map((entry) => entry.claim.id).join('|');
  const [active, setActive] = useState(0);
  // A new passage starts on its first claim.
  useEffect(() => setActive(0), [claimKey]);
  const activeIndex = Math.min(active, Math.max(known.length - 1, 0));

  const actorName: ActorName = (id) => index.actor(id)?.name;
  const single = known.length === 1 ? known[0] : undefined;

  return (
    <CardFrame
      titleId={titleId}
      brand={UI_TEXT.brand}
      controls={
        position || onPrev || onNext ? (
          <div class="sc-nav" role="group" aria-label={UI_TEXT.linkedPassages}>
            <IconButton icon="prev" label={UI_TEXT.previous} disabled={!onPrev} onClick={() => onPrev?.()} />
            {position ? (
              <span class="sc-nav__pos">
                <span class="sc-sr">{UI_TEXT.passage} </span>
                {positionText(position.current, position.total)}
              </span>
            ) : null}
            <IconButton icon="next" label={UI_TEXT.next} disabled={!onNext} onClick={() => onNext?.()} />
          </div>
        ) : null
      }
      onClose={onClose}
      initialFocus={initialFocus}
      theme={theme}
    >
      {known.length === 0 ? (
        <h2 id={titleId} class="sc-title">
          {UI_TEXT.unknownClaimTitle}
        </h2>
      ) : single ? (
        <>
          <KindTag claim={single.claim} />
          <h2 id={titleId} class="sc-title">
            {single.claim.statement}
          </h2>
          <ClaimDetails entry={single} index={index} actorName={actorName} />
        </>
      ) : (
        <MultiClaim
          entries={known}
          active={activeIndex}
          onActivate={setActive}
          baseId={baseId}
          titleId={titleId}
          index={index}
          actorName={actorName}
        />
      )}
      {unknown.map((claimId) => (
        <p key={claimId} class="sc-notice" role="note">
          {unknownClaimNotice(claimId)}
        </p>
      ))}
    </CardFrame>
  );
}

interface ResolvedClaim {
  claim: Claim;
  match: ClaimMatch;
}

function resolveClaims(
  matches: readonly ClaimMatch[],
  index: DatasetIndex,
): { known: ResolvedClaim[]; unknown: string[] } {
  const known: ResolvedClaim[] = [];
  const unknown: string[] = [];
  for (const match of uniqueClaims(matches)) {
    const claim = index.claim(match.claimId);
    if (claim) known.push({ claim, match });
    else unknown.push(match.claimId);
  }
  return { known, unknown };
}

interface MultiClaimProps {
  entries: ResolvedClaim[];
  active: number;
  onActivate(i: number): void;
  baseId: string;
  titleId: string;
  index: DatasetIndex;
  actorName: ActorName;
}

// Arrows in all four directions: the tabs wrap onto several lines in the narrow card.
function MultiClaim({ entries, active, onActivate, baseId, titleId, index, actorName }: MultiClaimProps) {
  const tabs = useTabs({
    count: entries.length,
    active,
    onActivate,
    tabId: (i) => `${baseId}-tab-${i}`,
    panelId: `${baseId}-panel`,
    arrows: 'all',
  });
  const entry = entries[active];
  return (
    <>
      <h2 id={titleId} class="sc-title sc-title--multi">
        {multiClaimTitle(entries.length)}
      </h2>
      <div class="sc-tabs" role="tablist" aria-label={UI_TEXT.claimsTabs} onKeyDown={tabs.onKeyDown}>
        {entries.map((item, i) => (
          <button key={item.claim.id} {...tabs.tab(i)} class="sc-tab" title={item.claim.statement}>
            <span class="sc-tab__num" aria-hidden="true">
              {i + 1}
            </span>
            {snippet(item.claim.statement, TAB_LABEL_CHARS)}
          </button>
        ))}
      </div>
      {entry ? (
        <div class="sc-tabpanel" {...tabs.panel}>
          <KindTag claim={entry.claim} />
          <p class="sc-statement">{entry.claim.statement}</p>
          <ClaimDetails entry={entry} index={index} actorName={actorName} />
        </div>
      ) : null}
    </>
  );
}

function ClaimDetails({
  entry,
  index,
  actorName,
}: {
  entry: ResolvedClaim;
  index: DatasetIndex;
  actorName: ActorName;
}) {
  const { claim, match } = entry;
  const differing = match.quoteComparisons.filter((comparison) => !comparison.identical);
  const identical = match.quoteComparisons.filter((comparison) => comparison.identical);
  return (
    <>
      <AssertedBySection claim={claim} index={index} />

      <Section title={UI_TEXT.onThisPage}>
        <PageCarriage match={match} actorName={actorName} />
        {identical.map((comparison) => (
          <p key={comparison.outletId} class="sc-same">
            <Icon name="same" />
            {sameWordsAs(outletName(index, comparison.outletId))}
          </p>
        ))}
        <p class="sc-why">
          <span class="sc-why__label">{UI_TEXT.whyLinked}</span> {whyLinked(match.reason, match.detail)}
        </p>
      </Section>

      <OutletsSection claim={claim} index={index} actorName={actorName} foldAfter={VISIBLE_EXCERPTS} />

      {differing.length > 0 ? (
        <Section title={UI_TEXT.quotedDifferently}>
          {differing.map((comparison) => (
            <QuoteDiff
              key={comparison.outletId}
              comparison={comparison}
              outlet={outletName(index, comparison.outletId)}
            />
          ))}
        </Section>
      ) : null}

      <FramingSection claim={claim} index={index} />
    </>
  );
}

function Cue({ cue }: { cue: CarriageCue }) {
  return (
    <li class={`sc-cue sc-cue--${cue.kind}`}>
      <Icon name={cue.kind} />
      <span>{cue.text}</span>
    </li>
  );
}

function PageCarriage({ match, actorName }: { match: ClaimMatch; actorName: ActorName }) {
  const { form, sourcing } = describeCarriage(match, actorName);
  return (
    <ul class="sc-cues">
      {sourcing.map((cue) => (
        <Cue key={cue.kind} cue={cue} />
      ))}
      {form ? <Cue cue={form} /> : null}
    </ul>
  );
}

function QuoteDiff({ comparison, outlet }: { comparison: QuoteComparison; outlet: string }) {
  const legend = diffLegend(outlet);
  // Named explicitly: not every browser and test DOM derives a figure's name from its figcaption.
  const headId = `sc-diff-${useId()}`;
  return (
    <figure class="sc-diff" aria-labelledby={headId}>
      <figcaption id={headId} class="sc-diff__head">
        {comparedWith(outlet)}
      </figcaption>
      <p class="sc-diff__summary">{diffSummary(comparison.ops, outlet)}</p>
      <p class="sc-diff__text">
        {comparison.ops.map((op, i) => (
          <DiffWord key={i} op={op} last={i === comparison.ops.length - 1} />
        ))}
      </p>
      <p class="sc-legend" aria-hidden="true">
        <span>
          <ins>
            <span class="sc-mark">+</span>underlined
          </ins>{' '}
          {legend.ins}
        </span>
        <span>
          <del>
            <span class="sc-mark">−</span>struck
          </del>{' '}
          {legend.del}
        </span>
      </p>
    </figure>
  );
}

// Screen readers rarely announce <ins>/<del>, so each edit also carries hidden words saying what
// it is; sighted readers get underline vs strike-through and a +/− mark, not colour alone.
function DiffWord({ op, last }: { op: DiffOp; last: boolean }) {
  const text = op.text.trim();
  if (text === '') return null;
  const gap = last ? '' : ' ';
  if (op.op === 'same') return <>{text + gap}</>;
  // An <ins> for words only the page has, a <del> for words only the outlet printed.
  const { Tag, className, mark, said } =
    op.op === 'added'
      ? { Tag: 'ins' as const, className: 'sc-ins', mark: '+', said: UI_TEXT.pageAdds }
      : { Tag: 'del' as const, className: 'sc-del', mark: '−', said: UI_TEXT.outletPrinted };
  return (
    <>
      <Tag class={className}>
        <span class="sc-mark" aria-hidden="true">
          {mark}
        </span>
        <span class="sc-sr">[{said} </span>
        {text}
        <span class="sc-sr">]</span>
      </Tag>
      {gap}
    </>
  );
}
