// The claim ids the dataset brief (/work/shared/dataset-brief.md) requires. The corpus is labelled
// against these, so it can be checked and counted without a compiled dataset; the evaluation then
// checks that the dataset it runs against defines every one of them.

/** The 36 claim ids from the dataset brief, in the brief's order. */
export const CLAIM_IDS: readonly string[] = [
  'fatal-shooting',
  'location-34th-portland',
  'residential-neighborhood',
  'targeted-operations',
  'immigration-crackdown',
  'rioters-blocked-officers',
  'weaponized-vehicle',
  'domestic-terrorism',
  'defensive-shots',
  'used-his-training',
  'alleged-perpetrator-died',
  'officers-injured-recovering',
  'sanctuary-politicians',
  'assault-statistics',
  'evolving-situation',
  'video-corroborates-dhs',
  'two-videos-on-x',
  'agents-approached-honda',
  'officer-in-front-of-suv',
  'vehicle-accelerated-toward-officer',
  'officers-fired-multiple-shots',
  'suv-crashed',
  'second-video-angle',
  'frey-far-left-label',
  'frey-aware-of-shooting',
  'frey-causing-chaos',
  'frey-demands-ice-leave',
  'frey-stands-with-immigrants',
  'city-avoid-area',
  'large-police-presence',
  'bovino-at-scene',
  'protesters-gathered',
  'shame-chant',
  'operation-2000-agents',
  'idn-training',
  'moran-ordinary-person',
];

/** The same ids as a set, for membership checks. */
export const CLAIM_ID_SET: ReadonlySet<string> = new Set(CLAIM_IDS);
