// A static server on 127.0.0.1 for the demo (`npm start`) and the browser tests. It serves the
// fixture pages in test/fixtures/pages/ (with any response headers listed in headers.json) and
// renders the seed articles as news pages, so the real source texts can be seen in a browser.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

const ROOT = resolve(import.meta.dirname, '../..');
const PAGES = join(ROOT, 'test/fixtures/pages');
const SEEDS = join(ROOT, 'seeds/articles');
const SOURCES = join(ROOT, 'seeds/sources.json');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** A running server: its base URL (no trailing slash) and a way to stop it. */
export interface DemoServer {
  url: string;
  close(): Promise<void>;
}

interface SourceMeta {
  seed: string;
  outlet: string;
  outletId?: string;
  published: string;
  url: string;
  carriedBy?: string;
}

/** Escapes text for HTML built by this node-side server (never used in the extension). */
export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** Lays a seed article out like the outlet's own page: masthead, headline, paragraphs, sidebar. */
export function renderSeedPage(file: string, text: string, meta: SourceMeta | undefined): string {
  const paragraphs = text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean);
  const isWire = meta?.outletId === 'associated-press' || /Associated Press/.test(meta?.outlet ?? '');
  const headline = isWire
    ? 'Shooting is reported in Minneapolis, where the feds are conducting an immigration crackdown'
    : 'WATCH: Footage From Multiple Angles Confirms DHS Account of Minneapolis ICE-Involved Shooting';
  const brand = isWire ? 'KSBY News · AP wire' : 'The Western Journal';
  const css = isWire ? 'assets/news.css' : 'assets/blog.css';
  const body = paragraphs
    .map((p) => {
      // The seed's first line begins with a " date YYYY-MM-DD " stamp; show it as a dateline.
      const m = /^date (\d{4}-\d{2}-\d{2}) (.*)$/.exec(p);
      if (m) return `<p class="byline">${escapeHtml(m[1] ?? '')}</p>\n<p>${escapeHtml(m[2] ?? '')}</p>`;
      if (/^(RELATED STORY|IN CASE YOU MISSED IT|WATCH) \|/.test(p))
        return `<p class="related"><a href="#">${escapeHtml(p)}</a></p>`;
      return `<p>${escapeHtml(p)}</p>`;
    })
    .join('\n');
  const source = meta
    ? `<p class="byline">Source article: ${escapeHtml(meta.outlet)}${meta.carriedBy ? `, as carried by ${escapeHtml(meta.carriedBy)}` : ''} (${escapeHtml(meta.published)}). Seed file ${escapeHtml(file)}.</p>`
    : '';
  if (isWire) {
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(headline)}</title>
<link rel="stylesheet" href="/pages/${css}"></head><body>
<header class="masthead"><span class="brand">${brand}</span><nav><a href="#">U.S. News</a><a href="#">Crime</a><a href="#">Weather</a></nav></header>
<div class="wrap"><article><div class="kicker">U.S. News</div><h1>${escapeHtml(headline)}</h1>${source}
${body}</article><aside><div class="box"><h2>Trending</h2><ol><li><a href="#">Storm watch for the weekend</a></li><li><a href="#">High school football scores</a></li></ol></div><div class="ad">Advertisement</div></aside></div>
<footer>Demo rendering of a seed article for Source Context. Not the outlet's page.</footer></body></html>`;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(headline)}</title>
<link rel="stylesheet" href="/pages/${css}"></head><body>
<div class="topbar">${brand}<span>News · Politics · Opinion</span></div>
<main><h1>${escapeHtml(headline)}</h1>${source}
<div class="share"><button type="button">Share</button><button type="button">Post</button></div>
${body}</main>
<p style="text-align:center;color:#777;font-size:13px">Demo rendering of a seed article for Source Context. Not the outlet's page.</p></body></html>`;
}

async function readSources(): Promise<SourceMeta[]> {
  try {
    const json = JSON.parse(await readFile(SOURCES, 'utf8')) as { sources?: SourceMeta[] };
    return json.sources ?? [];
  } catch {
    return [];
  }
}

async function indexPage(): Promise<string> {
  const pages = (await readdir(PAGES)).filter((f) => f.endsWith('.html')).sort();
  const seeds = (await readdir(SEEDS)).filter((f) => f.endsWith('.txt')).sort();
  const li = (href: string, label: string) =>
    `<li><a href="${escapeHtml(href)}">${escapeHtml(label)}</a></li>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Source Context demo pages</title>
<link rel="stylesheet" href="/pages/assets/plain.css"></head><body><header>Source Context · demo pages</header><main>
<h1>Demo pages</h1><h2>Seed articles</h2><ul>${seeds.map((s) => li(`/seed/${s.replace(/\.txt$/, '.html')}`, s)).join('')}</ul>
<h2>Fixture pages</h2><ul>${pages.map((p) => li(`/pages/${p}`, p)).join('')}</ul></main></body></html>`;
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
  const send = (
    status: number,
    type: string,
    body: string | Buffer,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
    res.end(body);
  };
  if (path === '/' || path === '/index.html') return send(200, TYPES['.html']!, await indexPage());
  const seed = /^\/seed\/([\w.-]+)\.html$/.exec(path);
  if (seed) {
    const file = `${seed[1]}.txt`;
    const text = await readFile(join(SEEDS, file), 'utf8').catch(() => null);
    if (text === null) return send(404, 'text/plain', `No seed article named ${file}`);
    const meta = (await readSources()).find((s) => s.seed === file);
    return send(200, TYPES['.html']!, renderSeedPage(file, text, meta));
  }
  if (path.startsWith('/pages/')) {
    const rel = normalize(path.slice('/pages/'.length));
    if (rel.startsWith('..')) return send(403, 'text/plain', 'Forbidden');
    const file = join(PAGES, rel);
    const body = await readFile(file).catch(() => null);
    if (body === null) return send(404, 'text/plain', `Not found: ${path}`);
    const headers = JSON.parse(await readFile(join(PAGES, 'headers.json'), 'utf8')) as Record<
      string,
      Record<string, string>
    >;
    return send(200, TYPES[extname(file)] ?? 'application/octet-stream', body, headers[rel] ?? {});
  }
  send(404, 'text/plain', `Not found: ${path}`);
}

/** Starts the server on 127.0.0.1 (port 0 = any free port). */
export async function startServer(port = 0): Promise<DemoServer> {
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(err));
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
