// The panel's stylesheet, added after UI_STYLES (whose design tokens, resets and card classes it
// builds on): the popup adopts both as constructed stylesheets. Sized in px like the overlay,
// themed only through the --sc-* tokens, so light, dark, high contrast and forced colors follow.

/** The CSS for the popup panel (use with UI_STYLES). */
export const PANEL_STYLES = `
.pn-root {
  width: 400px;
  min-height: 100%;
  background: var(--sc-bg);
  padding-bottom: var(--sc-space-4);
}
/* Resets at zero specificity, so every component class (the card's and ours) wins. */
:where(.pn-root) :where(h1, h2, h3, h4, p, ul, li, dl, dt, dd, fieldset, legend, blockquote, table, caption, details, summary, form, label) {
  margin: 0;
  padding: 0;
  font: inherit;
  color: inherit;
  border: 0;
  min-width: 0;
}
:where(.pn-root) :where(ul) { list-style: none; }
.pn-sr {
  position: absolute;
  width: 1px;
  height: 1px;
  margin: -1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
}
.pn-muted { color: var(--sc-muted); font-size: var(--sc-font-size-s); }
.pn-detail { margin-top: 4px; font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace; font-size: 11.5px; }

/* ---- header and tabs ---- */
.pn-header {
  display: flex;
  align-items: center;
  gap: 10px;
  padding: 12px 12px 10px 16px;
}
.pn-logo { flex: none; }
.pn-header__text { flex: 1; min-width: 0; }
.pn-title { font-size: 15px; font-weight: 700; line-height: 1.2; }
.pn-site {
  font-size: var(--sc-font-size-s);
  color: var(--sc-muted);
  white-space: nowrap;
  overflow: hidden;
  text-overflow: ellipsis;
}
.pn-tabs {
  position: sticky;
  top: 0;
  z-index: 1;
  display: flex;
  gap: 2px;
  padding: 0 10px;
  background: var(--sc-bg);
  border-bottom: 1px solid var(--sc-border);
}
.pn-tab {
  flex: 1;
  padding: 9px 4px 8px;
  text-align: center;
  font-size: 13px;
  font-weight: 600;
  color: var(--sc-muted);
  border-bottom: 3px solid transparent;
  border-radius: var(--sc-radius-s) var(--sc-radius-s) 0 0;
}
.pn-tab:hover { color: var(--sc-fg); background: var(--sc-surface); }
.pn-tab[aria-selected='true'] { color: var(--sc-accent); border-bottom-color: var(--sc-accent); }
.pn-tab:focus-visible { outline-offset: -2px; }
.pn-panel { padding: var(--sc-space-3) var(--sc-space-4) 0; }
.pn-panel:focus-visible { outline-offset: -2px; }

/* ---- buttons and fields ---- */
.pn-button {
  display: inline-flex;
  align-items: center;
  gap: 6px;
  padding: 6px 12px;
  border: 1px solid var(--sc-border-strong);
  border-radius: var(--sc-radius-s);
  background: var(--sc-bg);
  color: var(--sc-fg);
  font-size: 13px;
  font-weight: 600;
  line-height: 1.3;
}
.pn-button:hover { background: var(--sc-surface-2); }
.pn-button--primary { background: var(--sc-accent); border-color: var(--sc-accent); color: var(--sc-bg); }
.pn-button--primary:hover { background: var(--sc-accent); filter: brightness(1.1); }
.pn-button--small { padding: 3px 9px; font-size: 12.5px; }
.pn-button--quiet { border-color: transparent; color: var(--sc-accent); }
.pn-button--danger { border-color: var(--sc-fact); color: var(--sc-fact); }
.pn-actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: var(--sc-space-3); }
.pn-input, .pn-select {
  width: 100%;
  padding: 7px 10px;
  border: 1px solid var(--sc-border-strong);
  border-radius: var(--sc-radius-s);
  background: var(--sc-bg);
  color: var(--sc-fg);
  font: inherit;
  font-size: 14px;
}
.pn-select { padding: 5px 8px; font-size: 13px; }
.pn-input:focus-visible, .pn-select:focus-visible { outline: 2px solid var(--sc-focus); outline-offset: 1px; }

/* ---- notes ---- */
.pn-note {
  display: flex;
  gap: 10px;
  margin: 0 var(--sc-space-4) var(--sc-space-3);
  padding: 10px 12px;
  border: 1px solid var(--sc-border-strong);
  border-left-width: 4px;
  border-radius: var(--sc-radius-s);
  background: var(--sc-surface);
  font-size: 13px;
}
.pn-panel .pn-note { margin: 0 0 var(--sc-space-3); }
.pn-status + .pn-note { margin-top: var(--sc-space-3); }
.pn-note > .sc-icon { margin-top: 2px; color: var(--sc-accent); }
.pn-note--warning { border-color: var(--sc-hedge); background: var(--sc-hedge-bg); }
.pn-note--warning > .sc-icon { color: var(--sc-hedge); }
.pn-note__body { display: flex; flex-direction: column; gap: 6px; min-width: 0; }
.pn-note__title { font-weight: 700; font-size: 13.5px; }
.pn-welcome { margin: 0 var(--sc-space-4) var(--sc-space-3); }
.pn-welcome__title { font-size: 17px; font-weight: 700; margin-bottom: 4px; }

/* ---- the page ---- */
.pn-status {
  padding: 12px 14px;
  border-radius: var(--sc-radius);
  border: 1px solid var(--sc-border);
  background: var(--sc-surface);
}
.pn-status--about { border-color: var(--sc-accent); background: var(--sc-accent-bg); }
.pn-status__title { font-size: 16px; font-weight: 700; line-height: 1.3; }
.pn-status__line { margin-top: 2px; font-size: 13px; color: var(--sc-muted); }
.pn-why { margin-top: 10px; }
.pn-why__head { font-size: 12.5px; margin-bottom: 6px; }
.pn-why__label { font-weight: 700; text-transform: uppercase; letter-spacing: 0.5px; font-size: 11.5px; color: var(--sc-muted); }
.pn-why__none { margin-top: 8px; font-size: 12.5px; color: var(--sc-muted); }
.pn-chips { display: flex; flex-wrap: wrap; gap: 4px; }
.pn-chips + .pn-sr + .pn-chips { margin-top: 6px; }
.pn-chip {
  display: inline-flex;
  align-items: center;
  gap: 4px;
  padding: 1px 8px 1px 6px;
  border: 1px solid var(--sc-border);
  border-radius: 999px;
  background: var(--sc-bg);
  font-size: 12px;
  line-height: 1.5;
}
.pn-chip--fact { font-weight: 600; }
.pn-chip--against { color: var(--sc-fact); border-style: dashed; border-color: currentColor; }
.pn-chip--more { color: var(--sc-muted); border-style: dotted; }

.pn-section { margin-top: 18px; }
/* The uppercase label over a panel section, and over a settings group (.pn-legend). */
.pn-section__title,
.pn-legend {
  font-size: 11.5px;
  font-weight: 700;
  letter-spacing: 0.5px;
  text-transform: uppercase;
  color: var(--sc-muted);
  margin-bottom: 8px;
}
.pn-claims { display: flex; flex-direction: column; gap: 10px; }
.pn-claim {
  padding: 10px 12px 12px;
  border: 1px solid var(--sc-border);
  border-radius: var(--sc-radius);
}
.pn-claim__title { font-size: 14.5px; font-weight: 650; line-height: 1.35; }
.pn-claim__actors { margin-top: 4px; font-size: 12.5px; color: var(--sc-muted); }
.pn-claim__label { font-weight: 600; color: var(--sc-muted); font-size: 12.5px; }
.pn-passages { display: flex; flex-direction: column; gap: 10px; margin-top: 10px; }
.pn-passage + .pn-passage { padding-top: 10px; border-top: 1px dashed var(--sc-border); }
/* Page text quoted in the panel: a passage on this page, or a looked-up selection in the history. */
.pn-passage__text,
.pn-entry__text {
  border-left: 3px solid var(--sc-quote-bar);
  font-family: var(--sc-font-quote);
  font-size: 13.5px;
}
.pn-passage__text { padding: 4px 0 4px 10px; line-height: 1.5; }
.pn-passage__how { margin-top: 4px; font-size: 12px; font-weight: 600; color: var(--sc-muted); }
.pn-passage__actions { display: flex; gap: 6px; margin-top: 6px; }

.pn-table-wrap { border: 1px solid var(--sc-border); border-radius: var(--sc-radius-s); overflow: hidden; }
.pn-coverage { width: 100%; table-layout: fixed; border-collapse: collapse; font-size: 12px; line-height: 1.35; }
.pn-coverage__claim-col { width: 33%; }
.pn-coverage th, .pn-coverage td {
  padding: 6px 5px;
  text-align: left;
  vertical-align: top;
  border-bottom: 1px solid var(--sc-border);
  overflow-wrap: break-word;
}
.pn-coverage tbody tr:last-child > * { border-bottom: 0; }
.pn-coverage th + th, .pn-coverage td { border-left: 1px solid var(--sc-border); }
.pn-coverage thead th {
  background: var(--sc-surface);
  font-size: 11px;
  font-weight: 700;
  line-height: 1.25;
  color: var(--sc-muted);
  vertical-align: bottom;
}
.pn-coverage tbody th { font-weight: 500; }
.pn-coverage .pn-coverage__page { background: var(--sc-surface); }
.pn-num {
  display: inline-block;
  min-width: 18px;
  margin-right: 5px;
  padding: 0 4px;
  border-radius: 4px;
  background: var(--sc-surface-2);
  color: var(--sc-muted);
  font-size: 11px;
  font-weight: 700;
  text-align: center;
  font-variant-numeric: tabular-nums;
}
.pn-cell { display: flex; flex-direction: column; gap: 1px; }
.pn-cell__tag { font-weight: 650; font-size: 11.5px; }
.pn-cell__tag--attributed { color: var(--sc-attr); }
.pn-cell__tag--hedged { color: var(--sc-hedge); }
.pn-cell__tag--stated-as-fact { color: var(--sc-fact); }
.pn-cell__tag--stated-as-fact { text-decoration: underline 2px; text-underline-offset: 2px; }
.pn-cell__tag--hedged { text-decoration: underline 1px wavy; text-underline-offset: 2px; }
.pn-cell__form { color: var(--sc-muted); font-size: 11.5px; }
.pn-absent { color: var(--sc-muted); font-style: italic; }

.pn-leftout__summary {
  display: flex;
  align-items: center;
  gap: 6px;
  cursor: pointer;
  list-style: none;
  color: var(--sc-muted);
}
.pn-leftout__summary::-webkit-details-marker { display: none; }
.pn-leftout__summary .pn-section__title { margin: 0; }
.pn-leftout:not([open]) .pn-leftout__summary .sc-icon { transform: rotate(-90deg); }
.pn-leftout > .pn-muted { margin: 6px 0; }
.pn-leftout__list { display: flex; flex-direction: column; }
.pn-leftout__item {
  display: flex;
  flex-direction: column;
  gap: 2px;
  width: 100%;
  padding: 7px 8px;
  border-radius: var(--sc-radius-s);
  border-top: 1px solid var(--sc-border);
}
.pn-leftout__item:hover { background: var(--sc-surface); }
.pn-leftout__claim { font-size: 13px; font-weight: 550; }

/* ---- search ---- */
.pn-search__form { display: flex; flex-direction: column; gap: 8px; }
.pn-search__filters { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
.pn-field { display: flex; flex-direction: column; gap: 3px; }
.pn-field__label { font-size: 11.5px; font-weight: 600; color: var(--sc-muted); }
.pn-search__status { margin: 10px 0 6px; }
.pn-results { display: flex; flex-direction: column; }
.pn-result { border-top: 1px solid var(--sc-border); }
.pn-result:last-child { border-bottom: 1px solid var(--sc-border); }
.pn-result__toggle {
  display: flex;
  align-items: flex-start;
  gap: 6px;
  width: 100%;
  padding: 8px 4px;
  border-radius: var(--sc-radius-s);
}
.pn-result__toggle:hover { background: var(--sc-surface); }
.pn-result__toggle > .sc-icon { margin-top: 3px; color: var(--sc-muted); transform: rotate(-90deg); }
.pn-result__toggle[aria-expanded='true'] > .sc-icon { transform: none; }
.pn-result__text { display: flex; flex-direction: column; gap: 2px; }
.pn-result__statement { font-size: 13.5px; font-weight: 600; line-height: 1.35; }
.pn-result__meta { font-size: 12px; color: var(--sc-muted); }
.pn-result__body { padding: 0 4px 12px 24px; }
.pn-result__body .sc-section:first-child { margin-top: 4px; }
.pn-hint { margin-top: 10px; }

/* ---- history ---- */
.pn-history__head { display: flex; align-items: baseline; justify-content: space-between; gap: 8px; }
.pn-history > .pn-muted { margin-bottom: 10px; }
.pn-confirm {
  display: flex;
  align-items: center;
  flex-wrap: wrap;
  gap: 8px;
  margin-bottom: 10px;
  padding: 8px 10px;
  border: 1px solid var(--sc-fact);
  border-radius: var(--sc-radius-s);
  font-weight: 600;
}
.pn-confirm > p { margin-right: auto; }
.pn-empty {
  padding: 14px;
  border: 1px dashed var(--sc-border-strong);
  border-radius: var(--sc-radius);
  color: var(--sc-muted);
  text-align: center;
}
.pn-entries { display: flex; flex-direction: column; gap: 8px; }
.pn-entry {
  position: relative;
  padding: 10px 36px 10px 12px;
  border: 1px solid var(--sc-border);
  border-radius: var(--sc-radius);
  display: flex;
  flex-direction: column;
  gap: 5px;
}
.pn-entry__text { padding: 2px 0 2px 10px; line-height: 1.45; }
.pn-entry__page { font-size: 12.5px; font-weight: 600; line-height: 1.35; }
.pn-entry__page + .pn-muted { margin-top: -4px; }
.pn-entry__claims { display: flex; flex-direction: column; gap: 2px; font-size: 12.5px; }
.pn-entry__claims ul { display: flex; flex-direction: column; gap: 2px; }
.pn-entry__claim { font-size: 12.5px; font-weight: 500; text-align: left; display: inline; }
.pn-entry__remove { position: absolute; top: 6px; right: 6px; }

/* ---- settings ---- */
.pn-fieldset { display: flex; flex-direction: column; gap: 10px; margin-bottom: 18px; }
.pn-switch, .pn-radio { display: flex; align-items: flex-start; gap: 10px; cursor: pointer; }
.pn-switch { position: relative; }
/* The real checkbox lies, transparent, over the drawn track: clicks and focus land on it. */
.pn-switch__input {
  position: absolute;
  left: 0;
  top: 0;
  z-index: 1;
  opacity: 0;
  width: 34px;
  height: 20px;
  margin: 0;
  cursor: pointer;
}
.pn-switch__track {
  flex: none;
  position: relative;
  width: 34px;
  height: 20px;
  border-radius: 999px;
  border: 2px solid var(--sc-border-strong);
  background: var(--sc-surface-2);
}
.pn-switch__track::after {
  content: '';
  position: absolute;
  top: 2px;
  left: 2px;
  width: 12px;
  height: 12px;
  border-radius: 50%;
  background: var(--sc-muted);
}
.pn-switch__input:checked + .pn-switch__track { background: var(--sc-accent); border-color: var(--sc-accent); }
.pn-switch__input:checked + .pn-switch__track::after { left: 16px; background: var(--sc-bg); }
.pn-switch__input:focus-visible + .pn-switch__track { outline: 2px solid var(--sc-focus); outline-offset: 2px; }
.pn-switch__input:disabled + .pn-switch__track { opacity: 0.5; }
.pn-switch__text, .pn-radio__text { display: flex; flex-direction: column; gap: 1px; }
.pn-switch__label, .pn-radio__label { font-weight: 600; font-size: 13.5px; }
.pn-radio input { margin: 3px 0 0; accent-color: var(--sc-accent); width: 16px; height: 16px; flex: none; }
.pn-subsection { margin-bottom: 18px; }
.pn-sites { display: flex; flex-direction: column; gap: 4px; }
.pn-site-row { display: flex; align-items: center; justify-content: space-between; gap: 8px; font-size: 13px; }
.pn-about { padding-top: 12px; border-top: 1px solid var(--sc-border); }
.pn-footer {
  margin: var(--sc-space-4) var(--sc-space-4) 0;
  padding-top: 10px;
  border-top: 1px solid var(--sc-border);
  font-size: 11.5px;
  color: var(--sc-muted);
  display: flex;
  flex-direction: column;
  gap: 2px;
}

@media (forced-colors: active) {
  .pn-tab[aria-selected='true'] { border-bottom-color: Highlight; }
  .pn-switch__input:checked + .pn-switch__track { background: Highlight; }
  .pn-button--primary { border: 2px solid ButtonText; }
}
`;
