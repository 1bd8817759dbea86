// What popup.html's query string asks for: the tab the panel is about (`?tab=<id>`, when the
// panel is opened in a tab of its own) and the welcome page after install (`?welcome=1`).

/** The panel's options from popup.html's query string; throws on a malformed tab id. */
export function readLocation(search: string): { tabId?: number; welcome: boolean } {
  const params = new URLSearchParams(search);
  const raw = params.get('tab');
  let tabId: number | undefined;
  if (raw !== null) {
    tabId = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(tabId)) {
      throw new Error(`popup.html?tab= needs a tab id (a whole number), got ${JSON.stringify(raw)}`);
    }
  }
  return { ...(tabId === undefined ? {} : { tabId }), welcome: params.has('welcome') };
}
