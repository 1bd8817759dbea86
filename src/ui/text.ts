// Small pure helpers for showing page and dataset strings safely and compactly.

/** Collapse runs of whitespace to one space and trim: page text keeps its line breaks and tabs. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Shorten text to at most `max` characters (ellipsis included), cutting at a word boundary when
 * one is near, so list rows and tabs stay one or two lines long.
 */
export function snippet(text: string, max = 120): string {
  if (!Number.isInteger(max) || max < 2)
    throw new RangeError(`snippet: max must be an integer >= 2, got ${max}`);
  const clean = collapseWhitespace(text);
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // Only back off to the last space when that keeps most of the text; one long word is cut mid-word.
  const body = space >= max * 0.6 ? cut.slice(0, space) : cut;
  return `${body.replace(/[\s,;:.–—-]+$/u, '')}…`;
}

/**
 * The URL if it is an absolute http(s) URL, else undefined. Dataset URLs become link targets, and a
 * `javascript:` or `data:` URL there would run in the page, so anything else is not linked.
 */
export function safeHttpUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
}
