// Shapes shared by the panel's components.

import type { PageSummary, Unavailable } from '../../messages';

/** What the panel knows about the tab it is for. */
export type PageState =
  | { kind: 'loading' }
  | { kind: 'ready'; summary: PageSummary }
  | { kind: 'unavailable'; unavailable: Unavailable }
  /** Opened on its own (the welcome page): there is no page to describe. */
  | { kind: 'none' };
