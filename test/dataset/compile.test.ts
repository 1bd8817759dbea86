// The real dataset: it compiles, holds what the brief requires, and every offset is true.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';

import { compileDataset, serializeDataset } from '../../src/dataset/compile';
import { parseDataset } from '../../src/dataset/load';
import {
  INCIDENT_ID,
  REQUIRED_ACTOR_IDS,
  REQUIRED_CLAIM_IDS,
  REQUIRED_OUTLET_IDS,
} from '../../src/dataset/required';
import { CARRIED_VALUES, CLAIM_KINDS } from '../../src/dataset/types';
import { AP_SEED, WJ_SEED, mustCompile, realInput } from './helpers';

const input = realInput();
const dataset = mustCompile(input);
const seedText = (file: string): string => input.files[`articles/${file}`] ?? '';

describe('the compiled dataset', () => {
  it('holds the incident, the required actors and outlets, and all 36 required claims', () => {
    expect(dataset.incidents.map((i) => i.id)).toEqual([INCIDENT_ID]);
    const actorIds = dataset.actors.map((a) => a.id);
    for (const id of REQUIRED_ACTOR_IDS) expect(actorIds).toContain(id);
    expect(dataset.outlets.map((o) => o.id).sort()).toEqual([...REQUIRED_OUTLET_IDS].sort());
    expect(REQUIRED_CLAIM_IDS).toHaveLength(36);
    expect(new Set(REQUIRED_CLAIM_IDS).size).toBe(36);
    const claimIds = dataset.claims.map((c) => c.id);
    for (const id of REQUIRED_CLAIM_IDS) expect(claimIds).toContain(id);
  });

  it('gives every claim an allowed kind, an asserting actor that exists, and at least one report', () => {
    const actorIds = new Set(dataset.actors.map((a) => a.id));
    const reported = new Set(dataset.reports.map((r) => r.claimId));
    for (const claim of dataset.claims) {
      expect(CLAIM_KINDS, claim.id).toContain(claim.kind);
      expect(claim.assertedBy.length, claim.id).toBeGreaterThan(0);
      for (const actor of claim.assertedBy) expect(actorIds.has(actor), `${claim.id} -> ${actor}`).toBe(true);
      expect(reported.has(claim.id), claim.id).toBe(true);
      expect(claim.incidentId).toBe(INCIDENT_ID);
    }
  });

  it("ties every report's excerpt to its exact offsets in its seed", () => {
    expect(dataset.reports.length).toBeGreaterThan(36);
    for (const report of dataset.reports) {
      expect(seedText(report.seed).slice(report.start, report.end), report.id).toBe(report.excerpt);
      expect(report.carried.length, report.id).toBeGreaterThan(0);
      for (const value of report.carried) expect(CARRIED_VALUES).toContain(value);
      expect(report.id.startsWith(`${report.claimId}/${report.outletId}`), report.id).toBe(true);
    }
  });

  it('numbers report lines over non-empty lines, as the brief counts them', () => {
    const line = (id: string) => dataset.reports.find((r) => r.id === id)?.line;
    // Spot checks against the brief's table: the blank lines between paragraphs do not count.
    expect(line('fatal-shooting/western-journal')).toBe(1);
    expect(line('frey-far-left-label/western-journal')).toBe(19);
    expect(line('frey-stands-with-immigrants/western-journal')).toBe(21);
    expect(line('fatal-shooting/associated-press#3')).toBe(6);
    expect(line('moran-ordinary-person/associated-press')).toBe(17);
    for (const report of dataset.reports) {
      const nonEmptyBefore = seedText(report.seed)
        .slice(0, report.start)
        .split('\n')
        .filter((l, i, all) => l.trim() !== '' || i === all.length - 1).length;
      expect(report.line, report.id).toBe(nonEmptyBefore);
    }
  });

  it('carries the brief’s cells: the outlets that reported each claim, on the right lines', () => {
    const cell = (claimId: string, outletId: string) =>
      dataset.reports
        .filter((r) => r.claimId === claimId && r.outletId === outletId)
        .map((r) => r.line)
        .sort((a, b) => a - b);
    expect(cell('fatal-shooting', 'associated-press')).toEqual([1, 2, 6]);
    expect(cell('video-corroborates-dhs', 'western-journal')).toEqual([1, 11]);
    expect(cell('officer-in-front-of-suv', 'western-journal')).toEqual([13, 18]);
    expect(cell('protesters-gathered', 'associated-press')).toEqual([4, 10]);
    expect(cell('targeted-operations', 'associated-press')).toEqual([]);
    expect(cell('city-avoid-area', 'western-journal')).toEqual([]);
  });

  it("keeps the seed's exact characters where it is messy (AP line 3's stray quotes)", () => {
    const ap = seedText(AP_SEED);
    const report = dataset.reports.find((r) => r.id === 'defensive-shots/associated-press');
    expect(report?.line).toBe(3);
    expect(ap.slice((report?.start ?? 0) - 2, report?.start)).toBe('"\u201c');
  });

  it('records the AP hedge on the attempt to run officers over', () => {
    const report = dataset.reports.find((r) => r.id === 'weaponized-vehicle/associated-press');
    expect(report?.excerpt).toContain('allegedly tried to run over');
    expect(report?.carried).toEqual(expect.arrayContaining(['paraphrase', 'hedged', 'attributed']));
    expect(report?.attribution).toBe('authorities said');
  });

  it('keeps every quote variant verbatim in its report, from the outlet that printed it', () => {
    const reports = new Map(dataset.reports.map((r) => [r.id, r]));
    for (const claim of dataset.claims) {
      for (const variant of claim.variants) {
        const report = reports.get(variant.reportId);
        expect(report?.claimId, variant.reportId).toBe(claim.id);
        expect(report?.outletId).toBe(variant.outletId);
        expect(report?.excerpt).toContain(variant.text);
      }
    }
    const texts = (id: string) => dataset.claims.find((c) => c.id === id)?.variants.map((v) => v.outletId);
    for (const id of ['frey-demands-ice-leave', 'defensive-shots', 'alleged-perpetrator-died']) {
      expect(texts(id)).toEqual(['western-journal', 'associated-press']);
    }
  });

  it('writes claim statements in our own words, not copied runs of the articles', () => {
    const words = (text: string) =>
      text
        .toLowerCase()
        .replace(/[\u2018\u2019]/g, "'")
        .match(/[a-z0-9,%&'-]+/g) ?? [];
    const run = 7;
    const grams = new Set<string>();
    for (const file of [WJ_SEED, AP_SEED]) {
      const w = words(seedText(file));
      for (let i = 0; i + run <= w.length; i++) grams.add(w.slice(i, i + run).join(' '));
    }
    const ours = [
      ...dataset.claims.flatMap((c) => [c.statement, c.notes ?? '']),
      ...dataset.incidents.map((i) => i.summary),
      ...dataset.framing.flatMap((f) => f.byOutlet.map((b) => b.note ?? '')),
    ];
    for (const text of ours) {
      const w = words(text);
      for (let i = 0; i + run <= w.length; i++)
        expect(grams.has(w.slice(i, i + run).join(' ')), text).toBe(false);
    }
  });

  it('records each seed with its sha256 and its outlet', () => {
    expect(dataset.seeds.map((s) => [s.file, s.outletId])).toEqual([
      [WJ_SEED, 'western-journal'],
      [AP_SEED, 'associated-press'],
    ]);
    for (const seed of dataset.seeds) {
      expect(seed.sha256).toBe(createHash('sha256').update(seedText(seed.file), 'utf8').digest('hex'));
    }
  });

  it('derives each outlet’s link, date and seeds from sources.json', () => {
    const ap = dataset.outlets.find((o) => o.id === 'associated-press');
    expect(ap?.seeds).toEqual([AP_SEED]);
    expect(ap?.url).toMatch(/^https:\/\/www\.ksby\.com\//);
    expect(ap?.carriedBy).toContain('Scripps');
    expect(ap?.published).toBe('2026-01-07');
  });

  it('is deterministic and hashes its content without the hash', () => {
    const again = compileDataset(realInput());
    expect(again.dataset && serializeDataset(again.dataset)).toBe(serializeDataset(dataset));
    const { contentHash, ...content } = dataset;
    expect(contentHash).toBe(createHash('sha256').update(JSON.stringify(content), 'utf8').digest('hex'));
  });

  it('changes its content hash when the content changes', () => {
    const edited = realInput();
    const meta = { ...edited, files: { ...edited.files, 'annotations/meta.json': '{"version": "9.9.9"}' } };
    expect(mustCompile(meta).contentHash).not.toBe(dataset.contentHash);
  });

  it('passes the runtime check of the bundled copy after a JSON round trip', () => {
    const copy = JSON.parse(serializeDataset(dataset)) as unknown;
    expect(parseDataset(copy)).toEqual(dataset);
  });
});
