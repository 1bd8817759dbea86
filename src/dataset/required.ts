// The ids the dataset brief (shared/dataset-brief.md) requires. Tests, the evaluation and the
// UI refer to them by name, so the compiler fails when any of them disappears or is renamed.

/** The one incident the dataset is about. */
export const INCIDENT_ID = 'mpls-ice-shooting-2026-01-07';

/** The 36 claim ids of the brief's table, in the brief's order. */
export const REQUIRED_CLAIM_IDS: readonly string[] = [
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

/** The actors the brief names. */
export const REQUIRED_ACTOR_IDS: readonly string[] = [
  'dhs',
  'tricia-mclaughlin',
  'jacob-frey',
  'city-of-minneapolis',
  'western-journal',
  'associated-press',
  'mary-moran',
  'immigration-defense-network',
];

/** The outlets behind the brief's two seed articles. */
export const REQUIRED_OUTLET_IDS: readonly string[] = ['western-journal', 'associated-press'];
