// Putting our CSS on a document or shadow root without touching the page's own sheets. Constructed
// stylesheets first: a page's Content-Security-Policy (style-src) cannot block them. A <style>
// element is the fallback for DOMs without them; whether it applied is reported, because a CSP
// can block it.

import { DOCUMENT_NODE, UI_ATTRIBUTE } from './dom';

/** A stylesheet we attached; `remove()` takes it off again (idempotent). */
export interface AttachedStyles {
  /** False when the CSS could not be applied (e.g. a <style> fallback blocked by the page's CSP). */
  readonly applied: boolean;
  /** 'adopted' (constructed sheet in adoptedStyleSheets) or 'element' (a <style> fallback). */
  readonly method: 'adopted' | 'element';
  remove(): void;
}

type StyleRoot = Document | ShadowRoot;

/**
 * Attach `css` to a document or shadow root, appended after the page's adopted sheets (never
 * replacing them).
 */
export function attachStyles(root: StyleRoot, css: string): AttachedStyles {
  const doc: Document = root.nodeType === DOCUMENT_NODE ? (root as Document) : root.ownerDocument!;
  const SheetConstructor = doc.defaultView?.CSSStyleSheet;
  if (SheetConstructor && Array.isArray(root.adoptedStyleSheets)) {
    try {
      const sheet = new SheetConstructor();
      sheet.replaceSync(css);
      adopt(root, sheet);
      let removed = false;
      return {
        applied: true,
        method: 'adopted',
        remove() {
          if (removed) return;
          removed = true;
          unadopt(root, sheet);
        },
      };
    } catch {
      // Constructable sheets unsupported or refused here: use a <style> element below.
    }
  }
  const style = doc.createElement('style');
  style.setAttribute(UI_ATTRIBUTE, 'styles');
  style.textContent = css;
  const parent = root.nodeType === DOCUMENT_NODE ? (doc.head ?? doc.documentElement) : root;
  parent?.appendChild(style);
  return {
    applied: !!parent && style.sheet !== null,
    method: 'element',
    remove() {
      style.remove();
    },
  };
}

function adopt(root: StyleRoot, sheet: CSSStyleSheet): void {
  // adoptedStyleSheets is an observable array in current browsers: push keeps the page's array
  // object; older implementations need a fresh array with the page's sheets first.
  try {
    root.adoptedStyleSheets.push(sheet);
    if (root.adoptedStyleSheets.includes(sheet)) return;
  } catch {
    // fall through to assignment
  }
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

function unadopt(root: StyleRoot, sheet: CSSStyleSheet): void {
  const sheets = root.adoptedStyleSheets;
  const index = sheets.indexOf(sheet);
  if (index < 0) return; // the page replaced its sheets: ours is already gone
  try {
    sheets.splice(index, 1);
    if (!root.adoptedStyleSheets.includes(sheet)) return;
  } catch {
    // fall through to assignment
  }
  root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
}
