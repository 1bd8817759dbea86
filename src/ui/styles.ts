// The overlay's stylesheet, as a string the shadow host puts in a constructed stylesheet. The host
// resets inheritance with `:host { all: initial }`; everything here is sized in px (never rem/em,
// which would follow the page's root font size) and uses one small set of design tokens (CSS
// variables on .sc-root), so themes, high contrast and forced colors only swap tokens.

/** The colour theme: 'auto' follows prefers-color-scheme; 'light'/'dark' let the caller match the page. */
export type Theme = 'light' | 'dark' | 'auto';

const LIGHT = `
  --sc-bg: #ffffff;
  --sc-surface: #f5f7f9;
  --sc-surface-2: #eaeef2;
  --sc-fg: #1b1f24;
  --sc-muted: #57606a;
  --sc-border: #d0d7de;
  --sc-border-strong: #8c959f;
  --sc-accent: #0a5bb5;
  --sc-accent-bg: #e6f0fb;
  --sc-focus: #0a5bb5;
  --sc-quote-bar: #8c959f;
  --sc-attr: #0a5bb5;
  --sc-attr-bg: #e6f0fb;
  --sc-hedge: #8a4b00;
  --sc-hedge-bg: #fff4e0;
  --sc-fact: #b42318;
  --sc-fact-bg: #fdecea;
  --sc-ins-fg: #0f5323;
  --sc-ins-bg: #dcf5e3;
  --sc-del-fg: #8e1b10;
  --sc-del-bg: #fde7e4;
  --sc-shadow: 0 12px 32px rgba(27, 31, 36, 0.18), 0 2px 6px rgba(27, 31, 36, 0.12);
  --sc-scroll-shadow: rgba(27, 31, 36, 0.22);
  color-scheme: light;
`;

const DARK = `
  --sc-bg: #1e232a;
  --sc-surface: #272d35;
  --sc-surface-2: #313843;
  --sc-fg: #e8edf2;
  --sc-muted: #a3adb8;
  --sc-border: #3e4651;
  --sc-border-strong: #6b7580;
  --sc-accent: #7cb8ff;
  --sc-accent-bg: #1d3250;
  --sc-focus: #7cb8ff;
  --sc-quote-bar: #6b7580;
  --sc-attr: #8fc3ff;
  --sc-attr-bg: #1b2f4a;
  --sc-hedge: #f2c06b;
  --sc-hedge-bg: #3a2c12;
  --sc-fact: #ff9a8f;
  --sc-fact-bg: #442020;
  --sc-ins-fg: #8fe3a6;
  --sc-ins-bg: #173a24;
  --sc-del-fg: #ffaaa0;
  --sc-del-bg: #4a1f1c;
  --sc-shadow: 0 12px 32px rgba(0, 0, 0, 0.55), 0 2px 6px rgba(0, 0, 0, 0.4);
  --sc-scroll-shadow: rgba(0, 0, 0, 0.7);
  color-scheme: dark;
`;

// Scroll shadows for the card body and the passage list: the 'local' covers move with the content
// and hide the 'scroll' shadows at either end, so a shadow shows only where content is hidden.
const SCROLL_SHADOWS = `
    linear-gradient(var(--sc-bg) 30%, transparent) center top / 100% 28px no-repeat local,
    linear-gradient(transparent, var(--sc-bg) 70%) center bottom / 100% 28px no-repeat local,
    radial-gradient(farthest-side at 50% 0, var(--sc-scroll-shadow), transparent) center top / 100% 10px
      no-repeat scroll,
    radial-gradient(farthest-side at 50% 100%, var(--sc-scroll-shadow), transparent) center bottom / 100% 10px
      no-repeat scroll,
    var(--sc-bg)`;

/** The CSS for ClaimCard and PageIndicator; the host adopts it inside its shadow root. */
export const UI_STYLES = `
.sc-root {
  ${LIGHT}
  --sc-radius: 10px;
  --sc-radius-s: 6px;
  --sc-space-1: 4px;
  --sc-space-2: 8px;
  --sc-space-3: 12px;
  --sc-space-4: 16px;
  --sc-font: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif;
  /* Quoted words (excerpts, diffs, passages) are set in a serif, apart from the UI's own text. */
  --sc-font-quote: Georgia, 'Times New Roman', 'Noto Serif', serif;
  --sc-font-size: 14px;
  --sc-font-size-s: 12.5px;
  --sc-font-size-l: 16px;
  box-sizing: border-box;
  font-family: var(--sc-font);
  font-size: var(--sc-font-size);
  font-weight: 400;
  font-style: normal;
  line-height: 1.45;
  letter-spacing: normal;
  text-align: left;
  text-transform: none;
  white-space: normal;
  word-break: normal;
  overflow-wrap: anywhere;
  color: var(--sc-fg);
  -webkit-font-smoothing: antialiased;
}
.sc-root[data-theme='dark'] { ${DARK} }
@media (prefers-color-scheme: dark) {
  .sc-root:not([data-theme='light']) { ${DARK} }
}
/* Resets of the browser's element defaults, at zero specificity so every component class wins. */
:where(.sc-root) *, :where(.sc-root) *::before, :where(.sc-root) *::after { box-sizing: inherit; }
:where(.sc-root) :where(h2, h3, p, ul, li, blockquote, figure, figcaption, table, caption, details, summary) {
  margin: 0;
  padding: 0;
  font: inherit;
  color: inherit;
}
:where(.sc-root) :where(ul) { list-style: none; }
:where(.sc-root) :where(button) {
  font: inherit;
  color: inherit;
  background: none;
  border: 0;
  margin: 0;
  padding: 0;
  cursor: pointer;
  text-align: inherit;
}
.sc-root button:disabled { cursor: default; opacity: 0.4; }
:where(.sc-root) :where(:focus) { outline: none; }
.sc-root :focus-visible, .sc-root summary:focus-visible {
  outline: 2px solid var(--sc-focus);
  outline-offset: 2px;
  border-radius: var(--sc-radius-s);
}
.sc-icon { flex: none; display: inline-block; vertical-align: -3px; }
.sc-sr {
  position: absolute;
  width: 1px;
  height: 1px;
  padding: 0;
  margin: -1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
  border: 0;
}
.sc-icon-btn {
  display: inline-flex;
  align-items: center;
  justify-content: center;
  width: 28px;
  height: 28px;
  border-radius: var(--sc-radius-s);
  color: var(--sc-muted);
}
.sc-icon-btn:hover:not(:disabled) { background: var(--sc-surface-2); color: var(--sc-fg); }

/* ---- card ---- */
.sc-card {
  display: flex;
  flex-direction: column;
  width: 380px;
  max-width: calc(100vw - 16px);
  max-height: var(--sc-card-max-height, min(560px, calc(100vh - 16px)));
  background: var(--sc-bg);
  border: 1px solid var(--sc-border);
  border-radius: var(--sc-radius);
  box-shadow: var(--sc-shadow);
  overflow: hidden;
}
.sc-card:focus-visible { outline-offset: 0; border-radius: var(--sc-radius); }
.sc-card__bar {
  display: flex;
  align-items: center;
  gap: var(--sc-space-2);
  padding: 6px 6px 6px var(--sc-space-3);
  border-bottom: 1px solid var(--sc-border);
  background: var(--sc-surface);
  flex: none;
}
.sc-brand {
  display: inline-flex;
  align-items: center;
  gap: 6px;
  font-size: var(--sc-font-size-s);
  font-weight: 600;
  color: var(--sc-muted);
  margin-right: auto;
}
.sc-nav { display: inline-flex; align-items: center; gap: 2px; }
.sc-nav__pos {
  font-size: var(--sc-font-size-s);
  color: var(--sc-muted);
  font-variant-numeric: tabular-nums;
  min-width: 44px;
  text-align: center;
}
.sc-card__body {
  overflow-y: auto;
  overscroll-behavior: contain;
  scrollbar-width: thin;
  scrollbar-color: var(--sc-border-strong) transparent;
  padding: var(--sc-space-3) var(--sc-space-4) var(--sc-space-4);
  background: ${SCROLL_SHADOWS};
}
.sc-kindrow { margin-bottom: 6px; }
.sc-kind {
  display: inline-block;
  font-size: 11px;
  font-weight: 700;
  letter-spacing: 0.6px;
  text-transform: uppercase;
  padding: 1px 7px;
  border-radius: 999px;
  border: 1px solid var(--sc-border-strong);
  color: var(--sc-muted);
}
.sc-title {
  font-size: var(--sc-font-size-l);
  font-weight: 650;
  line-height: 1.35;
}
.sc-title--multi { font-size: var(--sc-font-size); color: var(--sc-muted); font-weight: 600; }
.sc-statement { font-size: var(--sc-font-size-l); font-weight: 650; line-height: 1.35; }
.sc-notice {
  margin-top: var(--sc-space-3);
  padding: var(--sc-space-2) var(--sc-space-3);
  border: 1px dashed var(--sc-border-strong);
  border-radius: var(--sc-radius-s);
  color: var(--sc-muted);
  font-size: var(--sc-font-size-s);
}

.sc-tabs {
  display: flex;
  flex-wrap: wrap;
  gap: 6px;
  margin: var(--sc-space-2) 0 var(--sc-space-3);
}
.sc-tab {
  display: inline-flex;
  align-items: baseline;
  gap: 6px;
  max-width: 100%;
  padding: 5px 10px;
  border-radius: var(--sc-radius-s);
  border: 1px solid var(--sc-border);
  font-size: var(--sc-font-size-s);
  line-height: 1.3;
  color: var(--sc-muted);
}
.sc-tab:hover { background: var(--sc-surface); color: var(--sc-fg); }
.sc-tab[aria-selected='true'] {
  color: var(--sc-fg);
  background: var(--sc-accent-bg);
  border-color: var(--sc-accent);
  box-shadow: inset 0 -3px 0 var(--sc-accent);
  font-weight: 600;
}
.sc-tab__num {
  flex: none;
  font-weight: 700;
  font-variant-numeric: tabular-nums;
}
.sc-tabpanel:focus-visible { outline-offset: 4px; }

.sc-section { margin-top: var(--sc-space-4); }
.sc-section__title {
  font-size: 11.5px;
  font-weight: 700;
  letter-spacing: 0.5px;
  text-transform: uppercase;
  color: var(--sc-muted);
  margin-bottom: 6px;
}
.sc-actors li { padding-left: 14px; position: relative; }
.sc-actors li::before {
  /* A border, not a background, so the bullet survives forced colors. */
  content: '';
  position: absolute;
  left: 2px;
  top: 8px;
  width: 0;
  height: 0;
  border: 3px solid var(--sc-muted);
  border-radius: 50%;
}

.sc-cues { display: flex; flex-wrap: wrap; gap: 6px; }
.sc-cue {
  display: inline-flex;
  align-items: center;
  gap: 6px;
  padding: 3px 9px 3px 7px;
  border-radius: var(--sc-radius-s);
  border: 1px solid var(--sc-border);
  background: var(--sc-surface);
  font-size: 13.5px;
  font-weight: 600;
}
.sc-cue--attributed { color: var(--sc-attr); background: var(--sc-attr-bg); border-color: currentColor; }
.sc-cue--hedged { color: var(--sc-hedge); background: var(--sc-hedge-bg); border: 1px dashed currentColor; }
.sc-cue--stated-as-fact {
  color: var(--sc-fact);
  background: var(--sc-fact-bg);
  border: 2px solid currentColor;
  padding: 2px 8px 2px 6px;
}
.sc-same, .sc-why { margin-top: var(--sc-space-2); font-size: var(--sc-font-size-s); color: var(--sc-muted); }
.sc-same { display: flex; align-items: center; gap: 6px; }
.sc-why__label { font-weight: 600; }

.sc-outlets { display: flex; flex-direction: column; gap: var(--sc-space-3); }
.sc-outlet { display: flex; flex-direction: column; gap: 6px; }
.sc-outlet__head { display: flex; align-items: baseline; gap: var(--sc-space-2); flex-wrap: wrap; }
.sc-outlet__name { font-weight: 650; margin-right: auto; }
.sc-link {
  display: inline-flex;
  align-items: center;
  gap: 4px;
  color: var(--sc-accent);
  font-size: var(--sc-font-size-s);
  font-weight: 600;
  text-decoration: underline;
  text-underline-offset: 2px;
  border-radius: 3px;
}
.sc-link:hover { text-decoration-thickness: 2px; }
.sc-outlet--absent {
  flex-direction: row;
  align-items: center;
  gap: 6px;
  color: var(--sc-muted);
  padding: 6px 10px;
  border: 1px dashed var(--sc-border-strong);
  border-radius: var(--sc-radius-s);
}
.sc-report { display: flex; flex-direction: column; gap: 4px; }
.sc-report + .sc-report, .sc-more .sc-report { margin-top: 6px; }
.sc-tags { display: flex; flex-wrap: wrap; gap: 4px; }
.sc-tag {
  display: inline-flex;
  align-items: center;
  gap: 4px;
  font-size: 11.5px;
  font-weight: 600;
  line-height: 1.3;
  padding: 1px 7px 1px 5px;
  border-radius: 4px;
  border: 1px solid var(--sc-border);
  color: var(--sc-muted);
  background: var(--sc-bg);
}
.sc-tag--attributed { color: var(--sc-attr); border-color: currentColor; }
.sc-tag--hedged { color: var(--sc-hedge); border-style: dashed; border-color: currentColor; }
.sc-tag--stated-as-fact { color: var(--sc-fact); border-width: 2px; border-color: currentColor; }
.sc-excerpt {
  position: relative;
  padding: 6px 10px 6px 26px;
  border-left: 3px solid var(--sc-quote-bar);
  background: var(--sc-surface);
  border-radius: 0 var(--sc-radius-s) var(--sc-radius-s) 0;
  font-family: var(--sc-font-quote);
  font-size: 14px;
  line-height: 1.5;
}
.sc-excerpt::before {
  content: '\\201C';
  position: absolute;
  left: 7px;
  top: 0;
  font-size: 26px;
  line-height: 1.2;
  color: var(--sc-muted);
}
.sc-loaded { font-size: var(--sc-font-size-s); color: var(--sc-muted); }
.sc-loaded__label { font-weight: 600; }
.sc-more > summary {
  display: inline-flex;
  align-items: center;
  gap: 4px;
  cursor: pointer;
  list-style: none;
  font-size: var(--sc-font-size-s);
  font-weight: 600;
  color: var(--sc-accent);
}
.sc-more > summary::-webkit-details-marker { display: none; }
.sc-more[open] > summary .sc-icon { transform: rotate(180deg); }

.sc-diff { padding: 10px 12px; border: 1px solid var(--sc-border); border-radius: var(--sc-radius-s); }
.sc-diff + .sc-diff { margin-top: var(--sc-space-2); }
.sc-diff__head { font-weight: 650; }
.sc-diff__summary { margin-top: 2px; font-size: var(--sc-font-size-s); color: var(--sc-muted); }
.sc-diff__text {
  margin-top: var(--sc-space-2);
  font-family: var(--sc-font-quote);
  line-height: 1.7;
}
.sc-root ins, .sc-root del { text-decoration-skip-ink: none; border-radius: 3px; padding: 0 2px; }
.sc-root ins {
  color: var(--sc-ins-fg);
  background: var(--sc-ins-bg);
  text-decoration: underline 2px solid;
  text-underline-offset: 3px;
}
.sc-root del {
  color: var(--sc-del-fg);
  background: var(--sc-del-bg);
  text-decoration: line-through 2px solid;
}
.sc-mark {
  display: inline-block;
  font-family: var(--sc-font);
  font-weight: 800;
  font-size: 11px;
  margin-right: 2px;
  vertical-align: 1px;
}
.sc-legend {
  display: flex;
  flex-wrap: wrap;
  gap: 2px 14px;
  margin-top: var(--sc-space-2);
  font-size: 11.5px;
  color: var(--sc-muted);
}
.sc-legend ins, .sc-legend del { font-size: 11.5px; }

.sc-framing { width: 100%; border-collapse: collapse; font-size: 13px; }
.sc-framing + .sc-framing { margin-top: var(--sc-space-3); }
.sc-framing caption {
  text-align: left;
  font-weight: 650;
  padding-bottom: 4px;
}
.sc-framing th, .sc-framing td {
  text-align: left;
  vertical-align: top;
  padding: 5px 8px;
  border: 1px solid var(--sc-border);
  font-weight: 400;
}
.sc-framing thead th {
  font-size: 11.5px;
  font-weight: 700;
  color: var(--sc-muted);
  background: var(--sc-surface);
}
.sc-framing tbody th { font-weight: 600; width: 38%; }
.sc-framing__note { display: block; margin-top: 2px; font-size: 12px; color: var(--sc-muted); }

/* ---- page indicator ---- */
.sc-indicator {
  display: inline-flex;
  flex-direction: column;
  align-items: flex-end;
  gap: var(--sc-space-2);
  max-width: calc(100vw - 16px);
}
.sc-indicator--bottom { flex-direction: column-reverse; }
.sc-pill {
  display: inline-flex;
  align-items: center;
  background: var(--sc-bg);
  border: 1px solid var(--sc-border);
  border-radius: 999px;
  box-shadow: var(--sc-shadow);
  padding: 3px;
}
.sc-pill__main {
  display: inline-flex;
  align-items: center;
  gap: 7px;
  padding: 5px 10px 5px 9px;
  border-radius: 999px;
  font-size: 13px;
  white-space: nowrap;
}
.sc-pill__main:hover:not(:disabled) { background: var(--sc-surface-2); }
.sc-pill__main .sc-icon { color: var(--sc-accent); }
.sc-pill__brand { font-weight: 650; }
.sc-pill__dismiss { width: 26px; height: 26px; border-radius: 999px; }
.sc-panel {
  width: 360px;
  max-width: 100%;
  max-height: var(--sc-panel-max-height, min(420px, calc(100vh - 80px)));
  display: flex;
  flex-direction: column;
  background: var(--sc-bg);
  border: 1px solid var(--sc-border);
  border-radius: var(--sc-radius);
  box-shadow: var(--sc-shadow);
  overflow: hidden;
}
.sc-panel__title {
  flex: none;
  padding: 10px var(--sc-space-3) 8px;
  font-size: 11.5px;
  font-weight: 700;
  letter-spacing: 0.5px;
  text-transform: uppercase;
  color: var(--sc-muted);
  border-bottom: 1px solid var(--sc-border);
  background: var(--sc-surface);
}
.sc-list {
  overflow-y: auto;
  overscroll-behavior: contain;
  scrollbar-width: thin;
  scrollbar-color: var(--sc-border-strong) transparent;
  padding: 4px;
  background: ${SCROLL_SHADOWS};
}
.sc-list > li + li { border-top: 1px solid var(--sc-border); padding-top: 2px; margin-top: 2px; }
.sc-item {
  display: flex;
  flex-direction: column;
  gap: 3px;
  width: 100%;
  padding: 8px 10px;
  border-radius: var(--sc-radius-s);
  border-left: 3px solid transparent;
}
.sc-item:hover { background: var(--sc-surface); }
.sc-item[aria-current='true'] { border-left-color: var(--sc-accent); background: var(--sc-accent-bg); }
.sc-item:focus-visible { outline-offset: -2px; }
.sc-item__claim { font-weight: 600; line-height: 1.35; }
.sc-item__more { font-weight: 500; color: var(--sc-muted); white-space: nowrap; }
.sc-item__snippet {
  font-family: var(--sc-font-quote);
  font-size: 13px;
  color: var(--sc-muted);
  padding-left: 8px;
  border-left: 2px solid var(--sc-quote-bar);
}
.sc-item__how { font-size: 12px; color: var(--sc-muted); font-weight: 550; }

/* ---- motion, contrast, forced colors ---- */
@media (prefers-reduced-motion: no-preference) {
  .sc-card, .sc-panel { animation: sc-enter 120ms ease-out; }
  .sc-icon-btn, .sc-pill__main, .sc-item, .sc-tab { transition: background-color 100ms ease; }
}
@keyframes sc-enter {
  from { opacity: 0; transform: translateY(4px); }
  to { opacity: 1; transform: none; }
}
@media (prefers-contrast: more) {
  .sc-root {
    --sc-muted: var(--sc-fg);
    --sc-border: var(--sc-border-strong);
    --sc-quote-bar: var(--sc-fg);
  }
  .sc-root :focus-visible { outline-width: 3px; }
  .sc-tag, .sc-cue, .sc-kind { border-width: 2px; }
}
@media (forced-colors: active) {
  .sc-root {
    --sc-bg: Canvas;
    --sc-surface: Canvas;
    --sc-surface-2: Canvas;
    --sc-fg: CanvasText;
    --sc-muted: CanvasText;
    --sc-border: CanvasText;
    --sc-border-strong: CanvasText;
    --sc-accent: LinkText;
    --sc-accent-bg: Canvas;
    --sc-focus: Highlight;
    --sc-quote-bar: CanvasText;
    --sc-attr: CanvasText;
    --sc-attr-bg: Canvas;
    --sc-hedge: CanvasText;
    --sc-hedge-bg: Canvas;
    --sc-fact: CanvasText;
    --sc-fact-bg: Canvas;
    --sc-ins-fg: CanvasText;
    --sc-ins-bg: Canvas;
    --sc-del-fg: CanvasText;
    --sc-del-bg: Canvas;
  }
  .sc-tab[aria-selected='true'] { border-width: 2px; border-color: Highlight; }
  .sc-item[aria-current='true'] { border-left-color: Highlight; }
  .sc-icon-btn:disabled { color: GrayText; opacity: 1; }
}
`;
