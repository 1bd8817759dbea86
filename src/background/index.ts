// Background entry (dist/chrome/background.js as a service worker, dist/firefox/background.js as
// an event page): opens the store and registers every listener at the top level, synchronously,
// so the browser can wake the worker for a menu click, a shortcut, a tab update or a message.

import browser from 'webextension-polyfill';
// Only the version: a named JSON import lets esbuild leave the rest of the dataset out of the worker.
import { version as datasetVersion } from '../../dist/dataset.json';
import { createStore } from '../storage/store';
import type { BackgroundBrowser } from './browser';
import { createWorker, registerWorker } from './worker';

// The polyfill's types are wider than the slice the worker uses; this line checks they fit.
const api: BackgroundBrowser = browser;

registerWorker(api, createWorker({ browser: api, store: createStore({ datasetVersion }) }));
