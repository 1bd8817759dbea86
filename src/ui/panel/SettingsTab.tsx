// The panel's settings: pause on this site, pause everywhere, the highlight style, the list of
// paused sites, and how to look up a selection. Switches are native
// checkboxes with role="switch", and the style a radio group, so they work by keyboard as-is.

import { useId } from 'preact/hooks';

import type { SettingsChange, SettingsView } from '../../messages';
import { PANEL_TEXT, STYLE_OPTIONS, pauseSiteLabel } from './text';

/** Props of the settings tab. */
export interface SettingsTabProps {
  /** Undefined while loading. */
  settings?: SettingsView;
  /** The current page's site, when the panel is for a web page. */
  site?: string;
  onChange(change: SettingsChange): void;
}

/** The settings tab. */
export function SettingsTab({ settings, site, onChange }: SettingsTabProps) {
  const id = `pn-settings-${useId()}`;
  const pageSite = settings?.site ?? site;
  const disabled = settings === undefined;
  return (
    <section class="pn-settings" aria-labelledby={`${id}-title`} aria-busy={disabled}>
      <h2 id={`${id}-title`} class="pn-section__title">
        {PANEL_TEXT.settingsHeading}
      </h2>
      <fieldset class="pn-fieldset">
        <legend class="pn-legend">{PANEL_TEXT.pauseHeading}</legend>
        {pageSite !== undefined ? (
          <Switch
            label={pauseSiteLabel(pageSite)}
            checked={settings?.sitePaused ?? false}
            disabled={disabled}
            onChange={(paused) => onChange({ kind: 'site-pause', site: pageSite, paused })}
          />
        ) : null}
        <Switch
          label={PANEL_TEXT.pauseEverywhere}
          hint={PANEL_TEXT.pauseEverywhereHint}
          checked={settings?.globalPause ?? false}
          disabled={disabled}
          onChange={(paused) => onChange({ kind: 'global-pause', paused })}
        />
      </fieldset>

      <fieldset class="pn-fieldset">
        <legend class="pn-legend">{PANEL_TEXT.styleHeading}</legend>
        {STYLE_OPTIONS.map((option) => (
          <label key={option.value} class="pn-radio">
            <input
              type="radio"
              name={`${id}-style`}
              value={option.value}
              checked={settings?.highlightStyle === option.value}
              disabled={disabled}
              aria-labelledby={`${id}-style-${option.value}-label`}
              aria-describedby={`${id}-style-${option.value}`}
              onChange={() => onChange({ kind: 'highlight-style', style: option.value })}
            />
            <span class="pn-radio__text">
              <span id={`${id}-style-${option.value}-label`} class="pn-radio__label">
                {option.label}
              </span>
              <span id={`${id}-style-${option.value}`} class="pn-muted">
                {option.hint}
              </span>
            </span>
          </label>
        ))}
      </fieldset>

      <section class="pn-subsection" aria-labelledby={`${id}-sites`}>
        <h3 id={`${id}-sites`} class="pn-legend">
          {PANEL_TEXT.pausedSites}
        </h3>
        {settings && settings.pausedSites.length > 0 ? (
          <ul class="pn-sites">
            {settings.pausedSites.map((paused) => (
              <li key={paused} class="pn-site-row">
                <span>{paused}</span>
                <button
                  type="button"
                  class="pn-button pn-button--small"
                  onClick={() => onChange({ kind: 'site-pause', site: paused, paused: false })}
                >
                  {PANEL_TEXT.resume}
                  <span class="sc-sr"> {paused}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="pn-muted">{PANEL_TEXT.noPausedSites}</p>
        )}
      </section>

      <p class="pn-muted pn-about">{PANEL_TEXT.shortcutHint}</p>
    </section>
  );
}

function Switch({
  label,
  hint,
  checked,
  disabled,
  onChange,
}: {
  label: string;
  hint?: string;
  checked: boolean;
  disabled: boolean;
  onChange(checked: boolean): void;
}) {
  const id = `pn-switch-${useId()}`;
  // Named by the label alone; the hint describes (it would otherwise join the name).
  return (
    <label class="pn-switch">
      <input
        type="checkbox"
        role="switch"
        class="pn-switch__input"
        checked={checked}
        disabled={disabled}
        aria-labelledby={`${id}-label`}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <span class="pn-switch__track" aria-hidden="true" />
      <span class="pn-switch__text">
        <span id={`${id}-label`} class="pn-switch__label">
          {label}
        </span>
        {hint ? (
          <span id={`${id}-hint`} class="pn-muted">
            {hint}
          </span>
        ) : null}
      </span>
    </label>
  );
}
