// The page layer: reading text out of a live DOM, turning text offsets into ranges, painting
// highlights, hit-testing clicks, placing the card, and our shadow host. DOM only: no browser
// extension APIs, no UI framework.

export {
  extractText,
  extractTextSteps,
  quickText,
  rootsToRescan,
  markupLayout,
  computedLayout,
  ROOT_LAYOUT,
  RESCAN_ATTRIBUTES,
  UI_ATTRIBUTE,
} from './extract';
export type {
  ExtractOptions,
  ExtractStepsOptions,
  ExtractedText,
  ElementLayout,
  LayoutProbe,
  RescanOptions,
  TextPoint,
  WhiteSpace,
} from './extract';
export { isOwnUi, flatContains } from './dom';
export {
  Highlighter,
  highlightName,
  markStyleFor,
  textRects,
  MARK_STYLES,
  HIGHLIGHT_CSS,
  highlightCss,
  declaredHighlightCss,
  fallbackCss,
  FALLBACK_CSS,
} from './highlights';
export type { HighlighterOptions, Mark, MarkStyle } from './highlights';
export { HitTester, caretFromPoint, pointOverCaretText } from './hit-test';
export type { CaretFromPoint, CaretPoint, HitTarget, HitTesterOptions } from './hit-test';
export { placeCard, PlacementController } from './placement';
export type { AnchorRect, Placement, PlaceCardInput, PlacementControllerOptions, Side } from './placement';
export { createShadowHost, HOST_TAG, BASE_CSS } from './shadow-host';
export type { ShadowHost, ShadowHostOptions } from './shadow-host';
export { attachStyles } from './styles';
export type { AttachedStyles } from './styles';
export { Disposer } from './teardown';
export type { Destroyable, Disconnectable, TimerHost } from './teardown';
