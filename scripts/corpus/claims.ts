// The claim ids the dataset brief (/work/shared/dataset-brief.md) requires. The corpus is labelled
// against these, so it can be checked and counted without a compiled dataset; the evaluation then
// checks that the dataset it runs against defines every one of them.

import { REQUIRED_CLAIM_IDS } from '../../src/dataset/required';

/** The 36 claim ids from the dataset brief, in the brief's order (the compiler's own list). */
export const CLAIM_IDS: readonly string[] = REQUIRED_CLAIM_IDS;

/** The same ids as a set, for membership checks. */
export const CLAIM_ID_SET: ReadonlySet<string> = new Set(CLAIM_IDS);
