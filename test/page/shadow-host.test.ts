// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';

import { UI_ATTRIBUTE } from '../../src/page/dom';
import { extractText } from '../../src/page/extract';
import { BASE_CSS, HOST_TAG, createShadowHost } from '../../src/page/shadow-host';

afterEach(() => {
  vi.restoreAllMocks();
  for (const el of Array.from(document.documentElement.children))
    if (el.hasAttribute(UI_ATTRIBUTE)) el.remove();
  document.body.innerHTML = '';
});

const hosts = (): Element[] =>
  Array.from(document.documentElement.children).filter((el) => el.hasAttribute(UI_ATTRIBUTE));

describe('createShadowHost', () => {
  it('adds one isolated host element on <html> with an open shadow root and a mount', () => {
    document.body.innerHTML = '<p>Page text</p>';
    const before = document.body.innerHTML;
    const ui = createShadowHost(document, 'ui', { css: '.card { width: 320px; }' });
    expect(hosts()).toEqual([ui.host]);
    expect(ui.host.parentNode).toBe(document.documentElement);
    expect(ui.host.localName).toBe(HOST_TAG);
    expect(ui.host.getAttribute(UI_ATTRIBUTE)).toBe('ui');
    expect(ui.host.shadowRoot).toBe(ui.shadowRoot);
    expect(ui.shadowRoot.mode).toBe('open');
    expect(ui.mount.parentNode).toBe(ui.shadowRoot);
    // The page itself is untouched.
    expect(document.body.innerHTML).toBe(before);
    ui.destroy();
  });

  it('resets inherited styles, takes no space and sits above the page', () => {
    const ui = createShadowHost(document, 'ui');
    const style = ui.host.style;
    for (const [property, value] of [
      ['position', 'fixed'],
      ['z-index', '2147483647'],
      ['width', '0px'],
      ['height', '0px'],
    ]) {
      expect(style.getPropertyValue(property!)).toBe(value);
      expect(style.getPropertyPriority(property!)).toBe('important');
    }
    expect(ui.host.getAttribute('style')).toMatch(/all: initial !important/);
    expect(BASE_CSS).toMatch(/:host\s*\{\s*all: initial;\s*\}/);
    expect(BASE_CSS).not.toMatch(/\d(rem|em)\b/); // px sizes only: page rem/em must not leak in
    expect(ui.shadowRoot.adoptedStyleSheets).toHaveLength(1);
    ui.addStyles('.x { color: red; }');
    expect(ui.shadowRoot.adoptedStyleSheets).toHaveLength(2);
    ui.destroy();
  });

  it('is excluded from text extraction', () => {
    document.body.innerHTML = '<p>Page text</p>';
    const ui = createShadowHost(document, 'ui');
    const card = document.createElement('p');
    card.textContent = 'Card about the claim';
    ui.mount.appendChild(card);
    expect(extractText(document).text).toBe('Page text');
    ui.destroy();
  });

  it('replaces a stale host of the same name and keeps other names', () => {
    const stale = createShadowHost(document, 'ui');
    const other = createShadowHost(document, 'highlights');
    const fresh = createShadowHost(document, 'ui');
    expect(stale.host.isConnected).toBe(false);
    expect(hosts()).toEqual([other.host, fresh.host]);
    fresh.destroy();
    other.destroy();
  });

  it('destroy removes everything, once', () => {
    const ui = createShadowHost(document, 'ui');
    ui.destroy();
    ui.destroy();
    expect(hosts()).toEqual([]);
    expect(() => ui.addStyles('a{}')).toThrow(/after destroy/);
  });

  it('puts itself back when the page removes it', () => {
    const ui = createShadowHost(document, 'ui');
    ui.host.remove();
    ui.ensureAttached();
    expect(hosts()).toEqual([ui.host]);
    ui.destroy();
    ui.ensureAttached();
    expect(hosts()).toEqual([]);
  });

  it('falls back to a plain <div> when the custom tag cannot host a shadow root', () => {
    const original = HTMLElement.prototype.attachShadow;
    vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init) {
      if (this.localName === HOST_TAG) throw new DOMException('not supported', 'NotSupportedError');
      return original.call(this, init);
    });
    const ui = createShadowHost(document, 'ui');
    expect(ui.host.localName).toBe('div');
    expect(ui.host.getAttribute(UI_ATTRIBUTE)).toBe('ui');
    expect(ui.shadowRoot.mode).toBe('open');
    ui.destroy();
  });

  it('rejects bad names with a clear error', () => {
    expect(() => createShadowHost(document, 'Bad Name')).toThrow(/name must be lowercase/);
  });
});
