// Every message between the content script, the service worker and the popup, as ONE discriminated
// union with a literal `type`. Each request has its reply type in `ReplyMap`, so `send()` returns
// exactly what the handler for that request produces, and handlers are a `switch (msg.type)` with
// an exhaustiveness check (Hypothesis's PortRPC idea, without its machinery).
//
// Replies cross runtime messaging inside an envelope (`{ ok, value }` / `{ ok: false, error }`):
// a rejected promise turns into an error with a different shape in each browser, and "nobody
// answered" must be told apart from "the handler failed".

import type { ContentSettings, HighlightStyle, LookupResult, PageSummary } from './content/api';

// The payloads of replies, re-exported so the UI (which may not import content/) can type them.
export type {
  ContentSettings,
  HighlightStyle,
  LookupResult,
  PageSummary,
  PassageSummary,
} from './content/api';

// ---------------------------------------------------------------------------------------------
// Messages to the content script (tabs.sendMessage, from the service worker or the popup).

/** Asks the page for its summary (popup); also answers "is a content script running here?". */
export interface GetSummaryMessage {
  type: 'get-summary';
}

/** Scrolls linked passage `index` into view and briefly emphasizes it (popup's "Show on page"). */
export interface ShowPassageMessage {
  type: 'show-passage';
  index: number;
}

/** Opens the overlay card of linked passage `index` (popup's "Open card"). */
export interface OpenPassageMessage {
  type: 'open-passage';
  index: number;
}

/**
 * Looks up the page's current selection and shows the lookup card (context menu, shortcut).
 * `text` is the selection as the browser reported it, used when the live selection is gone.
 */
export interface LookupSelectionMessage {
  type: 'lookup-selection';
  text?: string;
}

/** Settings were changed in the popup: ask the service worker again which ones apply here. */
export interface SettingsChangedMessage {
  type: 'settings-changed';
}

// ---------------------------------------------------------------------------------------------
// Messages to the service worker (runtime.sendMessage).

/** The content script asks which settings apply to its page. */
export interface GetPageSettingsMessage {
  type: 'get-page-settings';
  url: string;
}

/** The content script reports how many passages its page has linked, for the toolbar badge. */
export interface SummaryChangedMessage {
  type: 'summary-changed';
  state: PageSummary['state'];
  passages: number;
}

/** The popup asks for the settings, as they apply to the page at `url` when given. */
export interface GetSettingsMessage {
  type: 'get-settings';
  url?: string;
}

/** The popup changes settings; the reply is the settings afterwards, as for `get-settings`. */
export interface UpdateSettingsMessage {
  type: 'update-settings';
  change: SettingsChange;
  url?: string;
}

/** The popup asks for the lookup history, newest first. */
export interface GetHistoryMessage {
  type: 'get-history';
}

/** The popup removes one history entry (`id`) or, without an id, all of them. */
export interface ClearHistoryMessage {
  type: 'clear-history';
  id?: number;
}

/**
 * The popup found no content script in tab `tabId`: inject one if the browser allows it, or
 * say why no script can run there.
 */
export interface PrepareTabMessage {
  type: 'prepare-tab';
  tabId: number;
}

/** Every message to a content script. */
export type ContentMessage =
  | GetSummaryMessage
  | ShowPassageMessage
  | OpenPassageMessage
  | LookupSelectionMessage
  | SettingsChangedMessage;

/** Every message to the service worker. */
export type BackgroundMessage =
  | GetPageSettingsMessage
  | SummaryChangedMessage
  | GetSettingsMessage
  | UpdateSettingsMessage
  | GetHistoryMessage
  | ClearHistoryMessage
  | PrepareTabMessage;

/** Every message the extension sends, in one union. */
export type Message = ContentMessage | BackgroundMessage;

/** The `type` of every message. */
export type MessageType = Message['type'];

// ---------------------------------------------------------------------------------------------
// Shared shapes of replies.

/** Why storage is not working normally; absent when it is. Shown as a note in the popup. */
export interface StorageProblem {
  kind: 'unavailable' | 'blocked' | 'quota' | 'corrupt' | 'version';
  /** For the reader: what happened and what it means for their settings and history. */
  message: string;
}

/** The settings as the popup shows them. */
export interface SettingsView {
  globalPause: boolean;
  highlightStyle: HighlightStyle;
  /** The site of the `url` asked about (its host name), when there was one. */
  site?: string;
  sitePaused: boolean;
  /** Every paused site, sorted. */
  pausedSites: string[];
  problem?: StorageProblem;
}

/** One change to the settings. */
export type SettingsChange =
  | { kind: 'global-pause'; paused: boolean }
  | { kind: 'site-pause'; site: string; paused: boolean }
  | { kind: 'highlight-style'; style: HighlightStyle };

/** One lookup the reader made (right-click or shortcut), kept in the local history. */
export interface HistoryEntry {
  id: number;
  text: string; // the selection, as looked up
  url: string;
  title: string;
  time: number; // ms since the epoch
  claimIds: string[]; // the claims it matched, best first; empty when nothing matched
  datasetVersion: string; // the dataset the claim ids refer to
}

/** The history as the popup shows it. */
export interface HistoryView {
  entries: HistoryEntry[];
  problem?: StorageProblem;
}

/** Why no content script can run in a tab. */
export type UnavailableReason = 'browser-page' | 'store' | 'pdf' | 'file-access' | 'no-access' | 'unknown';

/** A tab where no content script runs, and why. */
export interface Unavailable {
  reason: UnavailableReason;
  /** The browser's own error text, for 'unknown' and for bug reports. */
  detail?: string;
  url?: string;
}

/** The result of looking up a selection, with the page it was made on (for the history). */
export interface LookupReply extends LookupResult {
  url: string;
  title: string;
}

/** The reply to each request, by type. */
export interface ReplyMap {
  'get-summary': PageSummary;
  'show-passage': { done: boolean };
  'open-passage': { done: boolean };
  'lookup-selection': LookupReply;
  'settings-changed': { applied: ContentSettings };
  'get-page-settings': { settings: ContentSettings; problem?: StorageProblem };
  'summary-changed': { badge: string };
  'get-settings': SettingsView;
  'update-settings': SettingsView;
  'get-history': HistoryView;
  'clear-history': HistoryView;
  'prepare-tab': { ready: true } | { ready: false; unavailable: Unavailable };
}

/** The reply type of a message: `Reply<GetSummaryMessage>` is `PageSummary`. */
export type Reply<M extends Message> = ReplyMap[M['type']];

/** What actually crosses runtime messaging: the reply, or an error a person can read. */
export type Envelope<R> = { ok: true; value: R } | { ok: false; error: string };

// ---------------------------------------------------------------------------------------------
// Senders.

/** Who sent a message: a content script in a web page, or one of our extension pages/worker. */
export type SenderKind = 'content' | 'extension';

/** Who may send each message: content scripts only talk to the service worker. */
export const ALLOWED_SENDERS: { readonly [K in MessageType]: readonly SenderKind[] } = {
  'get-summary': ['extension'],
  'show-passage': ['extension'],
  'open-passage': ['extension'],
  'lookup-selection': ['extension'],
  'settings-changed': ['extension'],
  'get-page-settings': ['content'],
  'summary-changed': ['content'],
  'get-settings': ['extension'],
  'update-settings': ['extension'],
  'get-history': ['extension'],
  'clear-history': ['extension'],
  'prepare-tab': ['extension'],
};

/** Which messages each side handles. */
export const CONTENT_TYPES: readonly ContentMessage['type'][] = [
  'get-summary',
  'show-passage',
  'open-passage',
  'lookup-selection',
  'settings-changed',
];
/** The messages the service worker handles. */
export const BACKGROUND_TYPES: readonly BackgroundMessage['type'][] = [
  'get-page-settings',
  'summary-changed',
  'get-settings',
  'update-settings',
  'get-history',
  'clear-history',
  'prepare-tab',
];

/** The parts of runtime.MessageSender the checks read. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** The parts of browser.runtime the checks need: our id and our pages' base URL. */
export interface RuntimeIdentity {
  id: string;
  getURL(path: string): string;
}

/**
 * Classifies a sender: 'extension' for our own pages and worker (their URL is under our base
 * URL), 'content' for our content script in a tab, undefined for anyone else (another
 * extension, or something we do not recognise).
 */
export function senderKind(sender: SenderInfo, runtime: RuntimeIdentity): SenderKind | undefined {
  if (sender.id !== runtime.id) return undefined;
  const base = runtime.getURL('');
  if (sender.url !== undefined && sender.url.startsWith(base)) return 'extension';
  if (sender.tab !== undefined) return 'content';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Validation: whatever arrives is checked before a handler sees it.

const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['underline', 'background', 'off'];
const PAGE_STATES: readonly PageSummary['state'][] = ['paused', 'scanning', 'unrelated', 'linked', 'stopped'];

/** A message that failed validation; the text names the message and the field at fault. */
export class MessageFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MessageFormatError';
  }
}

type Fields = Record<string, unknown>;

function field(value: Fields, type: string, name: string, check: (v: unknown) => boolean, expected: string) {
  if (!check(value[name])) {
    throw new MessageFormatError(
      `message "${type}": field "${name}" must be ${expected}, got ${JSON.stringify(value[name]) ?? 'undefined'}`,
    );
  }
}

const isIndex = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0;
const isTabId = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0;
const isString = (v: unknown): boolean => typeof v === 'string';
const isOptionalString = (v: unknown): boolean => v === undefined || typeof v === 'string';
const isBoolean = (v: unknown): boolean => typeof v === 'boolean';

function checkChange(type: string, change: unknown): void {
  const c = (typeof change === 'object' && change !== null ? change : {}) as Fields;
  switch (c.kind) {
    case 'global-pause':
      field(c, type, 'paused', isBoolean, 'true or false');
      return;
    case 'site-pause':
      field(c, type, 'site', (v) => typeof v === 'string' && v !== '', 'a site name');
      field(c, type, 'paused', isBoolean, 'true or false');
      return;
    case 'highlight-style':
      field(
        c,
        type,
        'style',
        (v) => HIGHLIGHT_STYLES.includes(v as HighlightStyle),
        HIGHLIGHT_STYLES.join(' | '),
      );
      return;
    default:
      throw new MessageFormatError(
        `message "${type}": change.kind must be global-pause | site-pause | highlight-style, got ${JSON.stringify(c.kind) ?? 'undefined'}`,
      );
  }
}

/** Checks that `value` is one of our messages, well formed; throws MessageFormatError if not. */
export function parseMessage(value: unknown): Message {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MessageFormatError(`a message must be an object with a "type", got ${JSON.stringify(value)}`);
  }
  const m = value as Fields;
  const type = m.type;
  if (typeof type !== 'string' || !(type in ALLOWED_SENDERS)) {
    throw new MessageFormatError(`unknown message type ${JSON.stringify(type) ?? 'undefined'}`);
  }
  const msg = m as unknown as Message;
  switch (msg.type) {
    case 'get-summary':
    case 'settings-changed':
    case 'get-history':
      break;
    case 'show-passage':
    case 'open-passage':
      field(m, type, 'index', isIndex, 'a passage index (an integer >= 0)');
      break;
    case 'lookup-selection':
      field(m, type, 'text', isOptionalString, 'a string when present');
      break;
    case 'get-page-settings':
      field(m, type, 'url', isString, 'the page URL');
      break;
    case 'summary-changed':
      field(
        m,
        type,
        'state',
        (v) => PAGE_STATES.includes(v as PageSummary['state']),
        PAGE_STATES.join(' | '),
      );
      field(m, type, 'passages', isIndex, 'a count (an integer >= 0)');
      break;
    case 'get-settings':
      field(m, type, 'url', isOptionalString, 'a URL when present');
      break;
    case 'update-settings':
      field(m, type, 'url', isOptionalString, 'a URL when present');
      checkChange(type, m.change);
      break;
    case 'clear-history':
      field(m, type, 'id', (v) => v === undefined || isIndex(v), 'an entry id when present');
      break;
    case 'prepare-tab':
      field(m, type, 'tabId', isTabId, 'a tab id');
      break;
    default:
      return assertNever(msg);
  }
  return msg;
}

/** Exhaustiveness check for `switch (msg.type)`: a new message type without a case fails to compile. */
export function assertNever(value: never): never {
  throw new MessageFormatError(`unhandled message ${JSON.stringify(value)}`);
}

/**
 * Types a handler's result against the message it answers: `return replyTo(msg, value)` in each
 * `case` makes the compiler check `value` is that message's reply.
 */
export function replyTo<M extends Message>(_msg: M, value: Reply<M>): Reply<M> {
  return value;
}

// ---------------------------------------------------------------------------------------------
// Sending and listening.

/** Why a request failed: nobody listens there, the receiver refused or failed, or the reply was garbled. */
export type MessageErrorCode = 'no-receiver' | 'rejected' | 'bad-reply';

/** A request that did not get its reply. */
export class MessageError extends Error {
  constructor(
    readonly code: MessageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

// Chrome: "Could not establish connection. Receiving end does not exist."; Firefox: the same
// sentence, or "Could not establish connection" alone for a tab without a content script.
const NO_RECEIVER =
  /Receiving end does not exist|Could not establish connection|No matching message handler/i;

function unwrap<R>(type: string, raw: unknown): R {
  if (raw === undefined) throw new MessageError('no-receiver', `"${type}": nobody answered`);
  const envelope = raw as Partial<Envelope<R>> | null;
  if (typeof envelope !== 'object' || envelope === null || typeof envelope.ok !== 'boolean') {
    throw new MessageError('bad-reply', `"${type}": the reply is not an envelope: ${JSON.stringify(raw)}`);
  }
  if (envelope.ok) return (envelope as { value: R }).value;
  throw new MessageError('rejected', `"${type}": ${(envelope as { error: string }).error}`);
}

function transportError(type: string, error: unknown): MessageError {
  const text = error instanceof Error ? error.message : String(error);
  return new MessageError(NO_RECEIVER.test(text) ? 'no-receiver' : 'rejected', `"${type}": ${text}`);
}

/** The part of browser.runtime `send()` uses. */
export interface RuntimeSender {
  sendMessage(message: unknown): Promise<unknown>;
}

/** The part of browser.tabs `sendToTab()` uses. */
export interface TabsSender {
  sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
}

/** Sends a message to the service worker and returns its typed reply (throws MessageError). */
export async function send<M extends BackgroundMessage>(
  runtime: RuntimeSender,
  message: M,
): Promise<Reply<M>> {
  let raw: unknown;
  try {
    raw = await runtime.sendMessage(message);
  } catch (error) {
    throw transportError(message.type, error);
  }
  return unwrap<Reply<M>>(message.type, raw);
}

/**
 * Sends a message to the content script of tab `tabId` and returns its typed reply (throws
 * MessageError). It goes to the top frame unless `frameId` names another, or to every frame
 * when `frameId` is null (the first reply wins: use it for notifications).
 */
export async function sendToTab<M extends ContentMessage>(
  tabs: TabsSender,
  tabId: number,
  message: M,
  frameId: number | null = 0,
): Promise<Reply<M>> {
  let raw: unknown;
  try {
    raw = await (frameId === null
      ? tabs.sendMessage(tabId, message)
      : tabs.sendMessage(tabId, message, { frameId }));
  } catch (error) {
    throw transportError(message.type, error);
  }
  return unwrap<Reply<M>>(message.type, raw);
}

/** A message handler: gets a checked message from an allowed sender, returns its reply. */
export type Handler<M extends Message> = (message: M, sender: SenderInfo) => Promise<unknown> | unknown;

/** The part of browser.runtime `listen()` uses. */
export interface RuntimeListener extends RuntimeIdentity {
  onMessage: {
    addListener(listener: (message: unknown, sender: SenderInfo) => Promise<unknown> | undefined): void;
    removeListener(listener: (message: unknown, sender: SenderInfo) => Promise<unknown> | undefined): void;
  };
}

/**
 * Answers runtime messages of the `types` this side handles with `handler`, after checking the
 * message's shape and its sender. Other messages are left for other listeners (no reply).
 * Returns the function that stops listening.
 */
export function listen<M extends Message>(
  runtime: RuntimeListener,
  types: readonly M['type'][],
  handler: Handler<M>,
): () => void {
  const listener = (raw: unknown, sender: SenderInfo): Promise<Envelope<unknown>> | undefined => {
    const type = (raw as { type?: unknown } | null)?.type;
    if (!types.includes(type as M['type'])) return undefined;
    return answer(runtime, raw, sender, handler);
  };
  runtime.onMessage.addListener(listener);
  return () => runtime.onMessage.removeListener(listener);
}

/** Checks and handles one raw message, always resolving to an envelope (exported for tests). */
export async function answer<M extends Message>(
  runtime: RuntimeIdentity,
  raw: unknown,
  sender: SenderInfo,
  handler: Handler<M>,
): Promise<Envelope<unknown>> {
  let message: Message;
  try {
    message = parseMessage(raw);
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  const kind = senderKind(sender, runtime);
  if (kind === undefined || !ALLOWED_SENDERS[message.type].includes(kind)) {
    const who =
      kind ?? (sender.id === runtime.id ? 'an unknown part of this extension' : 'another extension');
    return { ok: false, error: `"${message.type}" is not accepted from ${who}` };
  }
  try {
    return { ok: true, value: await handler(message as M, sender) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
