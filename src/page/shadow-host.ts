// The one way we put UI on a page (Hypothesis's util/preact-container.ts): a single host element
// on <html>, an open shadow root, a constructed stylesheet, a mount node to render into, and
// destroy() to take it all away. Page CSS still reaches a shadow tree through inheritance and
// `rem`, so the host resets everything (`all: initial`, inline and !important so page rules lose)
// and our own sheet sizes in px.

import { UI_ATTRIBUTE } from './dom';
import { attachStyles, type AttachedStyles } from './styles';

/** Our UI container on a page: render into `mount`, style with `addStyles`, end with `destroy`. */
export interface ShadowHost {
  /** The element on the page (`<source-context-ui data-source-context="name">`). */
  readonly host: HTMLElement;
  readonly shadowRoot: ShadowRoot;
  /** The element to render into. */
  readonly mount: HTMLElement;
  /** Add CSS to the shadow root (a constructed sheet; removed with the host). */
  addStyles(css: string): AttachedStyles;
  /** Put the host back if the page removed it (some pages rewrite <html>'s children). */
  ensureAttached(): void;
  /** Remove the host, its shadow root and its sheets. Idempotent. */
  destroy(): void;
}

/** The tag name of our host element: a valid custom element name, never registered. */
export const HOST_TAG = 'source-context-ui';

/** Options for `createShadowHost`. */
export interface ShadowHostOptions {
  /** CSS added to the shadow root after the base rules. */
  css?: string;
}

// Inline on the host with !important: inline important declarations beat every page rule.
const HOST_STYLE: ReadonlyArray<[string, string]> = [
  ['all', 'initial'],
  ['display', 'block'],
  ['position', 'fixed'],
  ['inset', '0px auto auto 0px'],
  ['width', '0px'],
  ['height', '0px'],
  ['overflow', 'visible'],
  ['z-index', '2147483647'],
  ['pointer-events', 'none'], // the host has no size; our card re-enables events (see BASE_CSS)
];

/**
 * Base rules inside the shadow root: reset, px sizes, events back on for the mounted UI, and
 * nothing of ours on paper (a printed article has no card or indicator over its text). An
 * !important :host rule beats the host's inline !important display: for important declarations
 * the shadow tree's own context wins the cascade.
 */
export const BASE_CSS = `
:host { all: initial; }
@media print { :host { display: none !important; } }
.mount {
  pointer-events: auto;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  font-size: 14px;
  line-height: 20px;
  text-align: left;
}
`;

/**
 * Create our shadow host on `document.documentElement` (not body: pages replace body). `name`
 * tells hosts apart ("ui", "highlights") and replaces a stale host of the same name left by an
 * earlier injection (an extension update leaves the old content script's DOM behind).
 *
 * The host is a custom-element-named tag that is never defined: attachShadow accepts any valid
 * custom element name without a registry, which matters because `customElements` is null in
 * Chrome content scripts. A plain <div> is the fallback where the DOM refuses it.
 */
export function createShadowHost(
  document: Document,
  name: string,
  options: ShadowHostOptions = {},
): ShadowHost {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) {
    throw new TypeError(`createShadowHost: name must be lowercase letters, digits and dashes, got "${name}"`);
  }
  const root = document.documentElement;
  if (!root) throw new Error('createShadowHost: the document has no root element to attach to');
  for (const child of Array.from(root.children)) {
    if (child.getAttribute(UI_ATTRIBUTE) === name) child.remove();
  }

  let host = document.createElement(HOST_TAG);
  let shadowRoot: ShadowRoot;
  try {
    shadowRoot = host.attachShadow({ mode: 'open' });
  } catch {
    host = document.createElement('div');
    shadowRoot = host.attachShadow({ mode: 'open' });
  }
  host.setAttribute(UI_ATTRIBUTE, name);
  for (const [property, value] of HOST_STYLE) host.style.setProperty(property, value, 'important');

  const sheets: AttachedStyles[] = [attachStyles(shadowRoot, BASE_CSS)];
  if (options.css) sheets.push(attachStyles(shadowRoot, options.css));
  const mount = document.createElement('div');
  mount.className = 'mount';
  shadowRoot.appendChild(mount);
  root.appendChild(host);

  let destroyed = false;
  return {
    host,
    shadowRoot,
    mount,
    addStyles(css: string): AttachedStyles {
      if (destroyed) throw new Error(`ShadowHost "${name}": addStyles after destroy`);
      const attached = attachStyles(shadowRoot, css);
      sheets.push(attached);
      return attached;
    },
    ensureAttached(): void {
      const current = document.documentElement;
      if (destroyed || !current || host.parentNode === current) return;
      current.appendChild(host);
    },
    destroy(): void {
      if (destroyed) return;
      destroyed = true;
      for (const sheet of sheets.splice(0)) sheet.remove();
      host.remove();
    },
  };
}
