// Renders the overlay card and page indicator on mock article pages in the system Chromium and
// saves screenshots, so the UI can be looked at (and re-looked at after each change) without
// loading the extension: `npx tsx scripts/ui-gallery.ts` → demo-output/ui-gallery/*.png.
//
// The gallery entry (test/ui/gallery/entry.tsx) is bundled with esbuild and opened from file://.
// It uses the compiled dataset (dist/dataset.json) when that has every claim the scenes show, else
// the hand-made fixture in test/ui/fixtures.ts.

import { CHROMIUM_QUIET_ARGS } from './demo/browser';
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'demo-output', 'ui-gallery');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCENE_CLAIMS = [
  'weaponized-vehicle',
  'rioters-blocked-officers',
  'frey-demands-ice-leave',
  'frey-stands-with-immigrants',
];

// The mock article. The light page carries hostile CSS (tiny root font, serif everything, red
// buttons, wide letter-spacing) to show that none of it reaches the shadow root.
const PAGE_CSS = `
  html { font-size: 10px; }
  body { margin: 0; font: 19px/1.7 Georgia, serif; letter-spacing: 0.02em; background: #fbfaf7; color: #222; }
  button { background: red !important; font-size: 30px; }
  header.site { background: #0d2b45; color: #fff; padding: 14px 32px; font: 700 22px/1 Arial, sans-serif; }
  main { max-width: 720px; margin: 0 auto; padding: 24px 32px 240px; }
  h1 { font-size: 34px; line-height: 1.2; margin: 8px 0 12px; }
  .byline { font: 14px Arial, sans-serif; color: #666; }
  .hl { text-decoration: underline 2px #e0a100; text-underline-offset: 3px; background: rgba(255, 214, 0, 0.16); }
  .hl.active { background: rgba(255, 196, 0, 0.45); }
  html[data-theme='dark'] body { background: #121417; color: #d7dadf; }
  html[data-theme='dark'] header.site { background: #000; }
  html[data-theme='dark'] .byline { color: #9aa0a8; }
  html[data-theme='dark'] .hl { text-decoration-color: #d9a400; background: rgba(255, 200, 0, 0.12); }
  html[data-theme='dark'] .hl.active { background: rgba(255, 200, 0, 0.3); }
`;

const ARTICLE = `
<header class="site">Metro Daily News</header>
<main>
  <h1>Federal agent shoots, kills Minneapolis motorist during immigration operation</h1>
  <p class="byline">By Staff and wire reports · Jan. 7, 2026</p>
  <p><span class="hl" id="p-hedged">A federal agent shot and killed a Minneapolis motorist when she allegedly tried to run over
  law enforcement officers during an immigration crackdown in the city, authorities said Wednesday.</span></p>
  <p>Video posted online showed the vehicle crashed in a residential neighborhood, near East 34th Street and
  Portland Avenue. <span class="hl" id="p-fact">A group of rioters began blocking officers before the shooting.</span></p>
  <p>After the shooting, Mayor Jacob Frey said immigration agents were “causing chaos in our city.”
  <span class="hl" id="p-diff">“We are demanding ICE leave the city and state immediately,” Frey said on social media.</span></p>
  <p>Later, in a longer post: <span class="hl" id="p-multi">“We are demanding ICE leave the city and state immediately. We stand
  rock solid with our immigrant and refugee communities,” Frey said.</span></p>
  <p>The Department of Homeland Security said Tuesday that it had launched an extraordinary immigration enforcement
  operation in the Minneapolis and St. Paul area.</p>
</main>`;

function datasetScript(): string {
  const path = join(ROOT, 'dist', 'dataset.json');
  if (!existsSync(path)) return '';
  const json = readFileSync(path, 'utf8');
  const dataset = JSON.parse(json) as { claims?: { id: string }[] };
  const ids = new Set((dataset.claims ?? []).map((claim) => claim.id));
  if (!SCENE_CLAIMS.every((id) => ids.has(id))) return '';
  // '<' escaped so no string in the data can close the script element.
  return `<script type="application/json" id="dataset">${json.replace(/</g, '\\u003c')}</script>`;
}

async function bundle(): Promise<{ usesCompiled: boolean }> {
  mkdirSync(OUT, { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'test', 'ui', 'gallery', 'entry.tsx')],
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outfile: join(OUT, 'gallery.js'),
    logLevel: 'warning',
  });
  const data = datasetScript();
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Source Context UI gallery</title>
<style>${PAGE_CSS}</style>${data}</head><body>${ARTICLE}<script src="gallery.js"></script></body></html>`;
  writeFileSync(join(OUT, 'index.html'), html);
  return { usesCompiled: data !== '' };
}

async function open(page: Page, query: string): Promise<void> {
  await page.goto(`${pathToFileURL(join(OUT, 'index.html')).href}?${query}`);
  await page.waitForSelector('body[data-ready="true"]');
}

async function main(): Promise<void> {
  const { usesCompiled } = await bundle();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_QUIET_ARGS,
  });
  const shots: string[] = [];
  const errors: string[] = [];
  try {
    const context = await browser.newContext({
      viewport: { width: 1000, height: 760 },
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const shoot = async (name: string, target?: 'card'): Promise<void> => {
      const path = join(OUT, `${name}.png`);
      if (target === 'card') await page.locator('[role="dialog"]').screenshot({ path });
      else await page.screenshot({ path });
      shots.push(path);
    };

    for (const theme of ['light', 'dark'] as const) {
      for (const scene of ['hedged', 'diff', 'fact', 'multi'] as const) {
        await page.emulateMedia({ colorScheme: theme });
        await open(page, `scene=${scene}&theme=${theme}`);
        await shoot(`${theme}-${scene}`);
        await open(page, `scene=${scene}&theme=${theme}&full=1`);
        await shoot(`${theme}-${scene}-full`, 'card');
      }
      await open(page, `scene=indicator&theme=${theme}`);
      await shoot(`${theme}-indicator-open`);
    }

    // Keyboard: Tab from the focused card to its first control, arrows in the tab list, and the
    // indicator opened with Enter and walked with arrows; focus rings must show.
    await page.emulateMedia({ colorScheme: 'light' });
    await open(page, 'scene=multi&theme=light');
    await page.keyboard.press('Tab');
    await shoot('light-focus-card-button');
    const tab = page.getByRole('tab').first();
    await tab.focus();
    await page.keyboard.press('ArrowRight');
    await shoot('light-focus-tabs');
    await open(page, 'scene=hedged&theme=dark');
    await page.getByRole('button', { name: /^Source Context:/ }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await shoot('dark-focus-indicator-list');
    await page.keyboard.press('Enter');
    const listGone = (await page.getByRole('list', { name: 'Linked passages on this page' }).count()) === 0;
    if (!listGone) errors.push('Enter on a passage did not choose it (the list stayed open)');

    // Forced colors (Windows High Contrast) and prefers-contrast: more.
    await page.emulateMedia({ colorScheme: 'dark', forcedColors: 'active' });
    await open(page, 'scene=diff&theme=dark&full=1');
    await shoot('forced-colors-diff-full', 'card');
    await page.emulateMedia({ colorScheme: 'light', forcedColors: 'none', contrast: 'more' });
    await open(page, 'scene=hedged&theme=light&full=1');
    await shoot('more-contrast-hedged-full', 'card');
    await context.close();
  } finally {
    await browser.close();
  }
  console.log(`Dataset: ${usesCompiled ? 'dist/dataset.json' : 'test/ui/fixtures.ts (hand-made fixture)'}`);
  for (const shot of shots) console.log(shot);
  if (errors.length > 0) {
    console.error(`Page errors:\n${errors.join('\n')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
