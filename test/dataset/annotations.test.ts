// Review aids, in the spirit of Dark Reader's config tests: the annotation files stay in an
// order a reviewer can scan, and ambiguities the compiler cannot judge are caught here.

import { describe, expect, it } from 'vitest';

import { REQUIRED_CLAIM_IDS } from '../../src/dataset/required';
import { AP_REPORTS, WJ_REPORTS, mustCompile, readJson, realInput, type ReportsFile } from './helpers';

const input = realInput();
const dataset = mustCompile(input);

const ids = (path: string) => readJson<{ id: string }[]>(input, path).map((r) => r.id);
const sorted = (list: string[]) => [...list].sort();

describe('annotation files', () => {
  it('list actors and outlets sorted by id', () => {
    expect(ids('annotations/actors.json')).toEqual(sorted(ids('annotations/actors.json')));
    expect(ids('annotations/outlets.json')).toEqual(sorted(ids('annotations/outlets.json')));
  });

  it("list the brief's claims first, in the brief's order", () => {
    const claims = ids('annotations/claims.json');
    expect(claims.slice(0, REQUIRED_CLAIM_IDS.length)).toEqual(REQUIRED_CLAIM_IDS);
  });

  it('list reports in the order they appear in their seed', () => {
    const start = new Map(dataset.reports.map((r) => [r.id, [r.start, r.end] as const]));
    for (const path of [WJ_REPORTS, AP_REPORTS]) {
      const order = readJson<ReportsFile>(input, path).reports.map((r) => r.id);
      const positions = order.map((id) => start.get(id) ?? [0, 0]);
      const inOrder = [...positions].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      expect(positions, path).toEqual(inOrder);
    }
  });

  it('give no two actors the same alias or name, so an attribution resolves to one actor', () => {
    const owner = new Map<string, string>();
    for (const actor of dataset.actors) {
      for (const name of [actor.name, ...actor.aliases]) {
        const key = name.toLowerCase();
        expect(owner.get(key) ?? actor.id, `"${name}" is used by ${owner.get(key)} and ${actor.id}`).toBe(
          actor.id,
        );
        owner.set(key, actor.id);
      }
    }
  });

  it('number repeated reports #2, #3... without gaps', () => {
    const byBase = new Map<string, number[]>();
    for (const report of dataset.reports) {
      const [base, n] = report.id.split('#');
      const list = byBase.get(base ?? '') ?? [];
      list.push(n === undefined ? 1 : Number(n));
      byBase.set(base ?? '', list);
    }
    for (const [base, numbers] of byBase) {
      expect(
        numbers.sort((a, b) => a - b),
        base,
      ).toEqual(numbers.map((_, i) => i + 1));
    }
  });

  it('give every framing entry both outlets, since the card compares them side by side', () => {
    for (const framing of dataset.framing) {
      expect(framing.byOutlet.map((b) => b.outletId).sort(), framing.id).toEqual(
        dataset.outlets.map((o) => o.id).sort(),
      );
    }
  });
});
