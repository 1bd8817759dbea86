// Content-script entry (dist/<browser>/content.js, injected into every http(s) frame at
// document_idle). It only wires things together: the decisions live in src/match and src/page.

import { dataset } from '../dataset/bundled';
import { startContentScript } from './main';

startContentScript(dataset);
