// Popup entry (dist/<browser>/popup.js, loaded by popup.html): reads which tab the panel is for
// (`?tab=<id>` when opened in a tab of its own, `?welcome=1` after install), adopts the overlay's
// design system and renders the popup.

import { render } from 'preact';
import browser from 'webextension-polyfill';
import { dataset } from '../dataset/bundled';
import { indexDataset } from '../dataset/indexed';
import { PANEL_STYLES } from '../ui/panel/styles';
import { UI_STYLES } from '../ui/styles';
import { readLocation } from './location';
import { PopupApp, type PopupBrowser } from './PopupApp';
import './popup.css';

const root = document.getElementById('root');
if (!root) throw new Error('popup.html has no #root element to render into');
document.title = browser.i18n.getMessage('extName') || 'Source Context';

// A constructed stylesheet: the same CSS the overlay adopts in its shadow root, plus the panel's.
const sheet = new CSSStyleSheet();
sheet.replaceSync(UI_STYLES + PANEL_STYLES);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

const { tabId, welcome } = readLocation(location.search);
const inTab = tabId !== undefined || welcome;
document.documentElement.classList.toggle('in-tab', inTab);
// The polyfill's types are wider than the slice the popup uses; this line checks they fit.
const api: PopupBrowser = browser;
render(
  <PopupApp
    browser={api}
    index={indexDataset(dataset)}
    {...(tabId === undefined ? {} : { tabId })}
    inTab={inTab}
    welcome={welcome}
    closeWindow={() => window.close()}
  />,
  root,
);
