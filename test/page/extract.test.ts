// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';

import {
  extractText,
  extractTextSteps,
  markupLayout,
  quickText,
  rootsToRescan,
  UI_ATTRIBUTE,
  type ExtractOptions,
  type ExtractedText,
} from '../../src/page/extract';

// Build fixtures from markup; tests may use innerHTML (the ban is for src/).
function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

function read(html: string, options?: ExtractOptions): ExtractedText {
  return extractText(page(html), options);
}

const squash = (s: string): string => s.replace(/\s+/g, '');

/** Check the full map: every character maps back to the same character in the DOM. */
function expectExactMap(extracted: ExtractedText): void {
  const { text } = extracted;
  for (let i = 0; i < text.length; i++) {
    const point = extracted.locate(i);
    expect(point, `offset ${i}`).not.toBeNull();
    const source = point!.node.data[point!.offset];
    if (/\s/.test(text[i]!)) {
      // A collapsed space maps to the first whitespace of its run; a separator maps to the end
      // of the text before it (which may be past the last character).
      if (source !== undefined && text[i] === ' ') expect(source).toMatch(/\s/);
    } else {
      expect(source, `offset ${i} (${JSON.stringify(text[i])})`).toBe(text[i]);
    }
  }
}

afterEach(() => {
  document.body.innerHTML = '';
  document.head.innerHTML = '';
});

describe('extractText', () => {
  for (const layout of ['computed', 'markup'] as const) {
    describe(`with layout '${layout}'`, () => {
      it('joins text split across inline elements', () => {
        const result = read('<p>An <b>ICE</b> officer</p>', { layout });
        expect(result.text).toBe('An ICE officer');
        expect(result.blocks).toEqual([0]);
        expect(result.nodes.map((n) => n.data)).toEqual(['An ', 'ICE', ' officer']);
        expect(result.toRange(3, 6)!.toString()).toBe('ICE');
        expect(result.toRange(0, 14)!.toString()).toBe('An ICE officer');
        expectExactMap(result);
      });

      it('skips hidden text: hidden, aria-hidden, inert, display:none and visibility:hidden styles', () => {
        const result = read(
          '<p>one <span hidden>h1</span><span aria-hidden="true">h2</span><span inert>h3</span>' +
            '<span style="display: none">h4</span><span style="visibility:hidden">h5 ' +
            '<i style="visibility: visible">shown</i></span> two</p>' +
            '<div style="content-visibility: hidden">h6</div><span aria-hidden="false">three</span>',
          { layout },
        );
        expect(result.text).toBe('one shown two\n\nthree');
      });

      it('skips scripts, styles, templates, form fields and editable regions', () => {
        const result = read(
          '<p>a<script>var x = "no";</script><style>p{}</style><noscript>ns</noscript>' +
            '<template><b>t</b></template> b</p><form><label>Name <input value="v"></label>' +
            '<textarea>typed</textarea><select><option>opt</option></select><button>Go</button></form>' +
            '<div contenteditable="true">draft</div><div contenteditable>draft2</div>' +
            '<div contenteditable="false">kept</div><svg><text>svg text</text></svg>' +
            '<math><mi>x</mi></math><dialog>closed dialog</dialog><dialog open>open dialog</dialog>',
          { layout },
        );
        expect(result.text).toBe('a b\n\nName\n\nkept\n\nopen dialog');
      });

      it('marks block boundaries for p, li, br and table cells', () => {
        const result = read(
          '<h1>Title</h1><p>First para.</p><ul><li>one</li><li>two</li></ul>' +
            '<p>line1<br>line2</p><table><tr><td>c1</td><td>c2</td></tr></table>',
          { layout },
        );
        expect(result.text).toBe('Title\n\nFirst para.\n\none\n\ntwo\n\nline1\nline2\n\nc1\n\nc2');
        expect(result.blocks.map((b) => result.text.slice(b).split('\n')[0])).toEqual([
          'Title',
          'First para.',
          'one',
          'two',
          'line1',
          'line2',
          'c1',
          'c2',
        ]);
        expectExactMap(result);
      });

      it('collapses whitespace the way a reader sees it, keeping the map exact', () => {
        const result = read(
          '<div>\n  <p>\n   Renee  Good,\t 37,\n was <b> shot </b>  </p>\n  <p>  next </p></div>',
          { layout },
        );
        expect(result.text).toBe('Renee Good, 37, was shot\n\nnext');
        expectExactMap(result);
        const start = result.text.indexOf('Good');
        expect(result.toRange(start, start + 'Good, 37, was shot'.length)!.toString()).toBe(
          'Good,\t 37,\n was <b> shot'.replace('<b>', ''),
        );
      });

      it('keeps whitespace inside <pre>', () => {
        const result = read('<p>a</p><pre>x  y\n  z</pre>', { layout });
        expect(result.text).toBe('a\n\nx  y\n  z');
        expectExactMap(result);
      });

      it('reads open shadow roots in place, with slotted light content, in order', () => {
        const body = page('<p>before <x-card><b slot="name">slotted</b><i>unslotted</i></x-card> after</p>');
        const host = body.querySelector('x-card')!;
        const shadow = host.attachShadow({ mode: 'open' });
        shadow.innerHTML = '<span>shadow-start</span> <slot name="name">fallback</slot> <slot>default</slot>';
        const result = extractText(body, { layout });
        // The default slot gets the unslotted <i> (happy-dom assigns it), the named slot the <b>.
        expect(result.text).toBe('before shadow-start slotted unslotted after');
        expect(result.shadowRoots).toEqual([shadow]);
        // A Range cannot cross a shadow boundary: toRange refuses, toRanges splits.
        const start = result.text.indexOf('before');
        const end = result.text.indexOf('slotted') + 'slotted'.length;
        expect(result.toRange(start, end)).toBeNull();
        const ranges = result.toRanges(start, end);
        expect(ranges.map((r) => r.toString())).toEqual(['before ', 'shadow-start ', 'slotted']);
        expect(
          result.toRange(result.text.indexOf('shadow'), result.text.indexOf('shadow') + 6)!.toString(),
        ).toBe('shadow');
      });

      it('skips our own UI', () => {
        const result = read(`<p>page</p><div ${UI_ATTRIBUTE}><p>card text</p></div><p>more</p>`, { layout });
        expect(result.text).toBe('page\n\nmore');
      });

      it('shows only the summary of a closed <details>', () => {
        expect(read('<details><summary>Sum</summary><p>body</p></details>', { layout }).text).toBe('Sum');
        expect(read('<details open><summary>Sum</summary><p>body</p></details>', { layout }).text).toBe(
          'Sum\n\nbody',
        );
      });
    });
  }

  it('hides stylesheet-hidden content only in computed mode', () => {
    document.head.innerHTML = '<style>.gone { display: none }</style>';
    const html = '<p>a <span class="gone">b</span> c</p>';
    expect(read(html, { layout: 'computed' }).text).toBe('a c');
    expect(read(html, { layout: 'markup' }).text).toBe('a b c');
  });

  it('skips the visually-hidden (screen-reader only) pattern in computed mode', () => {
    const result = read(
      '<p>Read <span style="position:absolute;width:1px;height:1px;overflow:hidden">opens in new tab</span>more</p>',
      { layout: 'computed' },
    );
    expect(result.text).toBe('Read more');
  });

  it('treats a display:block span as a block in computed mode', () => {
    expect(read('<p>a<span style="display:block">b</span>c</p>').text).toBe('a\n\nb\n\nc');
  });

  it('accepts a custom layout probe', () => {
    const probe = (el: Element, parent: Parameters<typeof markupLayout>[1]) =>
      el.classList.contains('skip') ? null : markupLayout(el, parent);
    expect(read('<p>a <span class="skip">b</span> c</p>', { layout: probe }).text).toBe('a c');
  });

  it('rejects a bad layout option and a non-node root with clear errors', () => {
    expect(() => extractText(document.body, { layout: 'fast' as never })).toThrow(/options\.layout/);
    expect(() => extractText(null as never)).toThrow(/root must be a DOM node/);
  });

  it('returns empty text for an empty or fully hidden root', () => {
    const result = read('<p hidden>x</p>  ');
    expect(result.text).toBe('');
    expect(result.blocks).toEqual([]);
    expect(result.locate(0)).toBeNull();
    expect(result.toRanges(0, 1)).toEqual([]);
  });

  it('maps separators to the boundary and clamps toRange to the content', () => {
    const result = read('<p>first</p><p>second</p>');
    expect(result.text).toBe('first\n\nsecond');
    const first = result.nodes[0]!;
    expect(result.locate(5)).toEqual({ node: first, offset: 5 });
    expect(result.locate(6)).toEqual({ node: first, offset: 5 });
    expect(result.locate(result.text.length)).toEqual({ node: result.nodes[1], offset: 6 });
    // A span that starts or ends on a separator covers only real text.
    const range = result.toRange(5, 9)!;
    expect(range.startContainer).toBe(result.nodes[1]);
    expect(range.toString()).toBe('se');
    expect(result.toRange(6, 7)).toBeNull(); // only separator characters
    expect(result.toRange(3, 3)).toBeNull();
    // Both paragraphs are in one tree: one Range covers them (the separator has no DOM text).
    expect(result.toRanges(-10, 1000).map(String)).toEqual(['firstsecond']);
    expect(() => result.toRanges(0, NaN)).toThrow(/finite/);
  });

  it('maps DOM positions back to text offsets', () => {
    const result = read('<p>  An   <b>ICE</b>\n officer</p><p>next</p>');
    expect(result.text).toBe('An ICE officer\n\nnext');
    const [an, ice, officer, next] = result.nodes;
    expect(result.offsetOf(an!, 2)).toBe(0); // leading whitespace dropped
    expect(result.offsetOf(an!, 4)).toBe(2); // inside the collapsed run
    expect(result.offsetOf(ice!, 1)).toBe(4);
    expect(result.offsetOf(officer!, 2)).toBe(7);
    expect(result.offsetOf(next!, 0)).toBe(16);
    expect(result.offsetOf(document.body, 0)).toBeNull();
    for (let i = 0; i < result.text.length; i++) {
      const point = result.locate(i)!;
      if (!/\s/.test(result.text[i]!)) expect(result.offsetOf(point.node, point.offset)).toBe(i);
    }
  });

  it('extracts a subtree, honouring hidden ancestors', () => {
    const body = page(
      '<div hidden><p id="a">hidden para</p></div><article><p id="b">shown <b>para</b></p></article>',
    );
    expect(extractText(body.querySelector('#a')!).text).toBe('');
    expect(extractText(body.querySelector('#b')!).text).toBe('shown para');
    expect(extractText(body.querySelector('#b b')!.firstChild!).text).toBe('para');
    expect(extractText(document).text).toBe('shown para');
  });

  it('keeps text.slice and the Range text equal modulo whitespace on random documents', () => {
    const word = fc.constantFrom('ICE', 'officer', 'Renee', 'Good,', '37', 'shot', 'Minneapolis.', '“quote”');
    const space = fc.constantFrom(' ', '  ', '\n', '\t ', '');
    const textNode = fc
      .array(fc.tuple(space, word), { minLength: 1, maxLength: 4 })
      .map((parts) => parts.map(([s, w]) => s + w).join(''));
    const tree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        textNode,
        fc
          .tuple(
            fc.constantFrom('p', 'div', 'li', 'b', 'i', 'span', 'em', 'td'),
            fc.array(tie('node'), { maxLength: 4 }),
          )
          .map(([tag, kids]) => `<${tag}>${kids.join('')}</${tag}>`),
        fc.constant('<br>'),
      ),
    })).node;
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 5 }), fc.nat(), fc.nat(), (nodes, a, b) => {
        const result = read(nodes.join(''), { layout: 'markup' });
        expect(result.text).not.toMatch(/^\s|\s$|[ \t]{2}| \n|\n /);
        expectExactMap(result);
        if (result.text.length === 0) return;
        const start = a % result.text.length;
        const end = start + 1 + (b % (result.text.length - start));
        const ranges = result.toRanges(start, end);
        expect(squash(ranges.map(String).join(''))).toBe(squash(result.text.slice(start, end)));
        for (const block of result.blocks) expect(block === 0 || result.text[block - 1] === '\n').toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('extracts a 1 MB generated page (perf sanity, no assertion on time)', () => {
    const paragraph =
      '<p>The <b>officer</b> fired  three shots at the <a href="#">vehicle</a>,\n officials said, ' +
      'according to <i>video</i> reviewed by reporters.</p>';
    const html = `<article>${paragraph.repeat(Math.ceil(1_000_000 / paragraph.length))}</article>`;
    page(html);
    for (const layout of ['markup', 'computed'] as const) {
      const root =
        layout === 'computed' ? document.body.querySelector('article')!.cloneNode(false) : document.body;
      if (layout === 'computed') {
        // happy-dom's getComputedStyle is slow: time computed mode on a 100 kB slice instead.
        for (const p of Array.from(document.body.querySelectorAll('p')).slice(0, 600)) {
          root.appendChild(p.cloneNode(true));
        }
        document.body.appendChild(root);
      }
      const started = performance.now();
      const result = extractText(root, { layout });
      const ms = performance.now() - started;
      console.log(
        `extractText(${layout}) on ${layout === 'markup' ? (html.length / 1e6).toFixed(2) + ' MB' : '100 kB'} of markup: ` +
          `${result.text.length} chars, ${result.nodes.length} text nodes in ${ms.toFixed(0)} ms`,
      );
      expect(result.text.length).toBeGreaterThan(layout === 'markup' ? 600_000 : 60_000);
      const middle = result.text.indexOf('three shots', result.text.length / 2);
      expect(result.toRange(middle, middle + 11)!.toString()).toBe('three shots');
    }
  });
});

describe('extractTextSteps', () => {
  it('yields in bounded steps and returns the same result as extractText', () => {
    const body = page('<article>' + '<p>An <b>ICE</b> officer  fired.</p>'.repeat(50) + '</article>');
    const steps = extractTextSteps(body, { nodesPerStep: 25 });
    let yields = 0;
    let step = steps.next();
    while (!step.done) {
      yields++;
      step = steps.next();
    }
    const whole = extractText(body);
    expect(yields).toBeGreaterThanOrEqual(Math.floor((50 * 5) / 25) - 1);
    expect(step.value.text).toBe(whole.text);
    expect(step.value.blocks).toEqual(whole.blocks);
    expect(step.value.toRange(3, 6)!.toString()).toBe('ICE');
  });

  it('rejects a non-positive step size', () => {
    expect(() => extractTextSteps(page('<p>x</p>'), { nodesPerStep: 0 }).next()).toThrow(/nodesPerStep/);
  });
});

describe('quickText', () => {
  it('reads text without scripts or styles, separating blocks', () => {
    const body = page(
      '<p>An <b>ICE</b> officer</p><script>ignored()</script><style>.x{}</style><p>second</p>' +
        `<div ${UI_ATTRIBUTE}>ours</div><span hidden>hidden is fine</span>`,
    );
    const text = quickText(body);
    expect(text).toContain('An ICE officer');
    expect(text).toContain('\nsecond');
    expect(text).not.toMatch(/ignored|\.x|ours/);
    expect(text).toContain('hidden is fine');
  });

  it('reads open shadow roots', () => {
    const body = page('<x-el></x-el>');
    body.querySelector('x-el')!.attachShadow({ mode: 'open' }).innerHTML = '<p>inside shadow</p>';
    expect(quickText(document)).toContain('inside shadow');
  });
});

describe('rootsToRescan', () => {
  // Records are built by hand (happy-dom's MutationObserver delivers them asynchronously).
  function record(
    partial: Partial<MutationRecord> & Pick<MutationRecord, 'type' | 'target'>,
  ): MutationRecord {
    const empty = document.createDocumentFragment().childNodes;
    return { addedNodes: empty, removedNodes: empty, ...partial } as MutationRecord;
  }
  function nodes(...list: Node[]): NodeList {
    return Object.assign([...list], { item: (i: number) => list[i] ?? null }) as unknown as NodeList;
  }

  it('works on records from a real MutationObserver', async () => {
    const body = page('<main><p id="p">An <b>ICE</b> officer</p><p id="q">other</p></main>');
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(body, { subtree: true, childList: true, characterData: true, attributes: true });
    body.querySelector('#p b')!.firstChild!.textContent = 'federal';
    const added = document.createElement('p');
    added.textContent = 'new block';
    body.querySelector('main')!.appendChild(added);
    await new Promise((resolve) => setTimeout(resolve, 0));
    changes.push(...observer.takeRecords());
    observer.disconnect();
    expect(rootsToRescan(changes)).toEqual([body.querySelector('#p'), added]);
  });

  it('rescans the nearest block for text and inline changes', () => {
    const body = page('<article><p id="p">An <b id="b">ICE</b> officer</p></article>');
    const p = body.querySelector('#p')!;
    const b = body.querySelector('#b')!;
    expect(rootsToRescan([record({ type: 'characterData', target: b.firstChild! })])).toEqual([p]);
    const added = document.createElement('i');
    b.appendChild(added);
    expect(rootsToRescan([record({ type: 'childList', target: b, addedNodes: nodes(added) })])).toEqual([p]);
    expect(rootsToRescan([record({ type: 'attributes', target: b, attributeName: 'hidden' })])).toEqual([p]);
    expect(rootsToRescan([record({ type: 'attributes', target: p, attributeName: 'class' })])).toEqual([p]);
  });

  it('rescans only the added blocks when whole blocks are added', () => {
    const body = page('<article id="a"><p>one</p></article>');
    const article = body.querySelector('#a')!;
    const p1 = document.createElement('p');
    const p2 = document.createElement('p');
    article.append(p1, p2);
    expect(
      rootsToRescan([record({ type: 'childList', target: article, addedNodes: nodes(p1, p2) })]),
    ).toEqual([p1, p2]);
  });

  it('drops roots inside other roots, our own UI and disconnected nodes', () => {
    const body = page(
      `<article id="a"><p id="p">x</p></article><div ${UI_ATTRIBUTE}><p id="ui">card</p></div>`,
    );
    const article = body.querySelector('#a')!;
    const p = body.querySelector('#p')!;
    const ui = body.querySelector('#ui')!;
    const gone = document.createElement('p');
    const host = document.createElement('source-context-ui');
    host.setAttribute(UI_ATTRIBUTE, '');
    document.documentElement.appendChild(host);
    const roots = rootsToRescan([
      record({ type: 'characterData', target: p.firstChild! }),
      record({ type: 'attributes', target: article, attributeName: 'style' }),
      record({ type: 'characterData', target: ui.firstChild! }),
      record({ type: 'attributes', target: gone, attributeName: 'class' }),
      record({ type: 'childList', target: document.documentElement, addedNodes: nodes(host) }),
    ]);
    expect(roots).toEqual([article]);
    host.remove();
  });

  it('rescans elements added straight under body, not the whole body', () => {
    const body = page('<main><p>x</p></main>');
    const widget = document.createElement('x-widget');
    body.appendChild(widget);
    expect(rootsToRescan([record({ type: 'childList', target: body, addedNodes: nodes(widget) })])).toEqual([
      widget,
    ]);
  });

  it('agrees with a full extraction when a rescanned block is read on its own', () => {
    const body = page('<main><p id="p">An <b>ICE</b>  officer</p><p>other</p></main>');
    const p = body.querySelector('#p')!;
    const [root] = rootsToRescan([
      record({ type: 'characterData', target: p.querySelector('b')!.firstChild! }),
    ]);
    expect(extractText(root!).text).toBe(extractText(body).text.split('\n\n')[0]);
  });
});
