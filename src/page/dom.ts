// Small DOM helpers shared by the page layer. Nothing here touches a global (`window`, `Node`,
// `document`): the scan CLI runs extraction in node through happy-dom, where those globals do not
// exist, so node types are compared by number and tags by `localName`.

/** Marks every element we put on a page; extraction and mutation rescans skip anything under it. */
export const UI_ATTRIBUTE = 'data-source-context';

/** `Node.nodeType` values, as numbers so no global `Node` is needed. */
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const DOCUMENT_NODE = 9;
export const DOCUMENT_FRAGMENT_NODE = 11;

/** The XHTML namespace: only elements in it are rendered as HTML text containers. */
export const HTML_NS = 'http://www.w3.org/1999/xhtml';
const SVG_NS = 'http://www.w3.org/2000/svg';
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

/** True for element nodes. */
export function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

/** True for text nodes (not comments, not CDATA). */
export function isText(node: Node): node is Text {
  return node.nodeType === TEXT_NODE;
}

/** True for shadow roots (document fragments with a host). */
export function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === DOCUMENT_FRAGMENT_NODE && 'host' in node && !!(node as ShadowRoot).host;
}

/**
 * Elements whose content a reader never sees as prose: code, styles, form fields and their
 * options, embedded documents and media fallbacks, the head. Their whole subtree is skipped.
 */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'area',
  'audio',
  'base',
  'button',
  'canvas',
  'datalist',
  'embed',
  'frame',
  'frameset',
  'head',
  'iframe',
  'input',
  'link',
  'map',
  'math', // MathML parsed without its namespace (some DOM implementations)
  'meta',
  'noembed',
  'noframes',
  'noscript',
  'object',
  'optgroup',
  'option',
  'output',
  'param',
  'rp',
  'script',
  'select',
  'source',
  'style',
  'template',
  'textarea',
  'title',
  'track',
  'video',
]);

/** Elements that start a new block by default (used when no computed style is read). */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'colgroup',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'listing',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'plaintext',
  'pre',
  'search',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'xmp',
]);

/** Elements whose whitespace is preserved by default (`white-space: pre`). */
export const PRE_TAGS: ReadonlySet<string> = new Set(['pre', 'listing', 'xmp', 'plaintext']);

/**
 * Is this element's subtree excluded from extraction whatever the styles say: skipped tags, SVG
 * and MathML, our own UI, `hidden`, `aria-hidden="true"`, `inert`, editable regions, closed dialogs.
 */
export function isExcludedElement(el: Element): boolean {
  const ns = el.namespaceURI;
  if (ns !== HTML_NS) return ns === SVG_NS || ns === MATHML_NS;
  const tag = el.localName;
  if (SKIPPED_TAGS.has(tag)) return true;
  if (tag === 'dialog' && !el.hasAttribute('open')) return true;
  if (el.attributes.length === 0) return false; // the common case: a bare <p>, <span>, <b>
  if (el.hasAttribute(UI_ATTRIBUTE) || el.hasAttribute('hidden') || el.hasAttribute('inert')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return false;
}

/**
 * The open shadow root an element renders instead of its light children, if any. Closed roots
 * are invisible to us (`shadowRoot` is null), so their hosts are read as plain elements.
 */
export function openShadowRoot(el: Element): ShadowRoot | null {
  return (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot ?? null;
}

/** The nodes a `<slot>` renders: its assigned nodes, or its own children when none are assigned. */
export function slotContent(slot: Element): Node[] | null {
  const assignedNodes = (slot as HTMLSlotElement).assignedNodes;
  if (typeof assignedNodes !== 'function') return null;
  const assigned = assignedNodes.call(slot);
  return assigned.length > 0 ? assigned : null;
}

/** Is this element a `<slot>` inside a shadow tree (where it renders assigned light nodes)? */
export function isShadowSlot(el: Element): boolean {
  return el.localName === 'slot' && el.namespaceURI === HTML_NS && isShadowRoot(el.getRootNode());
}

/**
 * The parent of a node in the flat tree (what is rendered): a shadow root's host, a slotted
 * node's slot, otherwise the parent node. `undefined` means the node is not rendered at all (a
 * light child of an open shadow host that no slot takes); `null` means the top was reached.
 */
export function flatParent(node: Node): Node | null | undefined {
  if (isShadowRoot(node)) return node.host;
  const parent = node.parentNode;
  if (!parent) return null;
  if (isElement(parent)) {
    const shadow = openShadowRoot(parent);
    if (shadow) return assignedSlotOf(node, shadow) ?? undefined;
  }
  return parent;
}

function assignedSlotOf(node: Node, shadow: ShadowRoot): Element | null {
  const direct = (node as Partial<Slottable>).assignedSlot;
  if (direct !== undefined) return direct;
  // DOM implementations without `assignedSlot` (happy-dom): search the host's slots.
  for (const slot of Array.from(shadow.querySelectorAll('slot'))) {
    if (slotContent(slot)?.includes(node)) return slot;
  }
  return null;
}

/** Is this node part of our own UI (under an element carrying UI_ATTRIBUTE, across shadow roots)? */
export function isOwnUi(node: Node): boolean {
  for (let current: Node | null | undefined = node; current; current = flatParent(current)) {
    if (isElement(current) && current.hasAttribute(UI_ATTRIBUTE)) return true;
  }
  return false;
}

/** Does `ancestor` contain `node` in the flat tree (shadow roots and slots included)? */
export function flatContains(ancestor: Node, node: Node): boolean {
  for (let current: Node | null | undefined = node; current; current = flatParent(current)) {
    if (current === ancestor) return true;
  }
  return false;
}
