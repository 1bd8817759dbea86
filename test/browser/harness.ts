// The browser tests' entry to the shared Chromium driver and page server (also used by `npm start`).
export * from '../../scripts/demo/browser';
export { startServer, type DemoServer } from '../../scripts/demo/server';

/**
 * What a page's own scripts can see of the extension (run it with `page.evaluate`, in the page's
 * world, in Chromium or Firefox): a marker property, stylesheets added to the document, and
 * whether our highlight rules style the marks.
 */
export function pageSeesOfUs(): { marker: string; adopted: number; styles: number; rule: string } {
  return {
    marker: getComputedStyle(document.documentElement).getPropertyValue('--source-context-highlights'),
    adopted: document.adoptedStyleSheets.length,
    styles: document.querySelectorAll('style').length,
    // The browser added highlights.css with the script: the marks are styled all the same.
    rule: getComputedStyle(document.body, '::highlight(source-context-attributed)').textDecorationStyle,
  };
}
