// A note in the panel: a titled box for something the reader should know now (the page can't be
// read, storage fell back to defaults, site access is missing, the page was read only in part).

import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

import { Icon } from '../Icon';

/** A note in the panel: a titled box with an icon, for things the reader should know now. */
export function Note({
  title,
  tone = 'info',
  children,
}: {
  title: string;
  tone?: 'info' | 'warning';
  children?: ComponentChildren;
}) {
  const id = `pn-note-${useId()}`;
  return (
    <section class={`pn-note pn-note--${tone}`} role="note" aria-labelledby={id}>
      <Icon name={tone === 'warning' ? 'stated-as-fact' : 'logo'} />
      <div class="pn-note__body">
        <h2 id={id} class="pn-note__title">
          {title}
        </h2>
        {children}
      </div>
    </section>
  );
}
