// Popup entry (dist/<browser>/popup.js, loaded by popup.html): renders the Popup panel.

import { render } from 'preact';
import browser from 'webextension-polyfill';
import { dataset } from '../dataset/bundled';
import { Popup, type Translate } from './Popup';
import './popup.css';

const t: Translate = (key, substitutions) => browser.i18n.getMessage(key, substitutions);

const root = document.getElementById('root');
if (!root) throw new Error('popup.html has no #root element to render into');
document.title = t('extName');
render(
  <Popup extensionVersion={browser.runtime.getManifest().version} datasetVersion={dataset.version} t={t} />,
  root,
);
