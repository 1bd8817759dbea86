// The overlay UI's public surface: the components the content script renders into its shadow root,
// the stylesheet it adopts there, and the pure helpers the popup and scan output can reuse.

export { ClaimCard, type CardInitialFocus, type ClaimCardProps } from './ClaimCard';
export { PageIndicator, type PageIndicatorProps } from './PageIndicator';
export { UI_STYLES, type Theme } from './styles';
export { distinctClaimIds, groupIntoPassages, uniqueClaims } from './passages';
export {
  CARRIED_LABELS,
  KIND_DESCRIPTIONS,
  KIND_LABELS,
  REASON_LABELS,
  UI_TEXT,
  carriageSentence,
  describeCarriage,
  diffSummary,
  indicatorSummary,
  reportTags,
  type CarriageCue,
  type CarriageDescription,
} from './labels';
export { safeHttpUrl, snippet } from './text';
