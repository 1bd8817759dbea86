// Writes the extension's icons (extension/icons/icon-<size>.png) from the one drawing in
// scripts/lib/icon.ts. Run it after changing the drawing and commit the PNGs: the build copies
// them as they are, and test/build/icons.test.ts fails if they drift from the drawing.
//
//   npx tsx scripts/make-icons.ts

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ICON_SIZES, renderIcon } from './lib/icon';
import { encodePng } from './lib/png';
import { ROOT } from './lib/paths';

const dir = join(ROOT, 'extension', 'icons');
mkdirSync(dir, { recursive: true });
for (const size of ICON_SIZES) {
  const file = join(dir, `icon-${size}.png`);
  const png = encodePng(renderIcon(size));
  writeFileSync(file, png);
  console.log(`wrote ${file.slice(ROOT.length + 1)} (${png.length} bytes)`);
}
