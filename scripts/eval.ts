// `npm run eval`: score the engine on the labelled corpus (test/fixtures/eval/), per split.
// Prints page accuracy, micro precision/recall and per-claim counts; --verbose lists every false
// positive and false negative with its text; --json prints one JSON object instead.
// The validation split is held out: read its numbers, never tune the engine on its pages.

import { createMatcher } from '../src/match/index';
import { commandLine, flagHelp, noPositionals, type FlagSpec } from './corpus/args';
import { loadCorpus, SPLITS, type Split } from './corpus/corpus';
import { DEFAULT_DATASET, loadDataset, missingClaims } from './corpus/dataset';
import { evaluatePages } from './corpus/evaluate';
import { fixed, table, trimText } from './corpus/format';
import { checkFloors, FLOORS, type SplitScore } from './corpus/score';

const FLAGS: Record<string, FlagSpec> = {
  split: { type: 'string', values: SPLITS, help: 'score one split only (default: both)' },
  json: { type: 'boolean', help: 'print one JSON object instead of the report' },
  verbose: { type: 'boolean', help: 'list every false positive and false negative with its text' },
  force: { type: 'boolean', help: 'link every page even when it is not recognized (isolates the linker)' },
  strict: { type: 'boolean', help: 'exit with status 3 when a split is below a floor' },
  dataset: { type: 'string', valueName: 'FILE', help: 'the compiled dataset (default: dist/dataset.json)' },
  help: { type: 'boolean', help: 'show this help' },
};

const HELP = `Usage: npm run eval -- [options]

Scores the matching engine on the labelled evaluation corpus in test/fixtures/eval/.
A predicted match counts for the passage it overlaps most; it is correct when that passage is
labelled with the claim. Floors: precision >= ${FLOORS.precision}, recall >= ${FLOORS.recall}, page accuracy >= ${FLOORS.pageAccuracy}.

Options:
${flagHelp(FLAGS)}

Exit status: 0 done, 1 corpus or dataset error, 2 bad arguments, 3 below a floor with --strict.`;

function report(split: Split, score: SplitScore, verbose: boolean): string {
  const out: string[] = [];
  out.push(
    `== ${split}: ${score.pages} pages (${score.aboutPages} about the incident, ${score.pages - score.aboutPages} not) ==`,
  );
  const floors = new Map(checkFloors(score).map((f) => [f.name, f]));
  const floorNote = (name: keyof typeof FLOORS): string => {
    const f = floors.get(name)!;
    return `${f.floor.toFixed(2)}  ${f.ok ? 'ok' : 'BELOW'}`;
  };
  const correctPages = score.pages - score.pageErrors.length;
  out.push(
    table(
      ['metric', 'value', 'counts', 'floor'],
      [
        [
          'page accuracy',
          fixed(score.pageAccuracy),
          `${correctPages}/${score.pages} pages`,
          floorNote('pageAccuracy'),
        ],
        ['precision', fixed(score.precision), `TP ${score.tp}, FP ${score.fp}`, floorNote('precision')],
        ['recall', fixed(score.recall), `TP ${score.tp}, FN ${score.fn}`, floorNote('recall')],
        ['F1', fixed(score.f1), '', ''],
        [
          'carriage',
          fixed(score.carriage.rate),
          `${score.carriage.agreed}/${score.carriage.checked} labelled values`,
          '',
        ],
      ],
      ['left', 'right', 'left', 'left'],
    ),
  );
  if (score.ignored > 0) out.push(`(${score.ignored} link(s) to claims labelled optional were not counted)`);
  out.push('');
  const rows = Object.entries(score.perClaim).map(([id, c]) => [
    id,
    String(c.gold),
    String(c.tp),
    String(c.fp),
    String(c.fn),
    fixed(c.precision),
    fixed(c.recall),
  ]);
  out.push(table(['claim', 'gold', 'tp', 'fp', 'fn', 'precision', 'recall'], rows));

  if (score.pageErrors.length > 0) {
    out.push('', `Pages recognized wrongly (${score.pageErrors.length}):`);
    for (const e of score.pageErrors) {
      out.push(
        `  ${e.pageId} (${e.style}): labelled ${e.expected ? 'about' : 'not about'}, predicted ${e.predicted ? 'about' : 'not about'} (score ${fixed(e.score, 2)})`,
      );
    }
  }
  if (verbose) {
    out.push('', `False positives (${score.falsePositives.length}):`);
    for (const fp of score.falsePositives) {
      const where = fp.passageId ?? `${fp.pageId} (between passages)`;
      out.push(`  ${where}  ${fp.claimId}`, `      match:   «${trimText(fp.matchText, 160)}»`);
      if (fp.passageText !== null) out.push(`      passage: «${trimText(fp.passageText, 160)}»`);
    }
    out.push('', `False negatives (${score.falseNegatives.length}):`);
    for (const fn of score.falseNegatives) {
      const cause = fn.cause === 'page-not-recognized' ? ' [page not recognized]' : '';
      out.push(
        `  ${fn.passageId}  ${fn.claimId}${cause}`,
        `      passage: «${trimText(fn.passageText, 160)}»`,
      );
    }
    out.push('', `Carriage disagreements (${score.carriageMisses.length}):`);
    for (const m of score.carriageMisses) {
      out.push(
        `  ${m.passageId}  ${m.claimId}: labelled [${m.expected.join(', ')}], engine [${m.predicted.join(', ')}]`,
      );
    }
  } else if (score.falsePositives.length + score.falseNegatives.length > 0) {
    out.push('', '(run with --verbose to list false positives and false negatives with their text)');
  }
  return out.join('\n');
}

function main(argv: readonly string[]): number {
  const line = commandLine('eval', argv, FLAGS, HELP, noPositionals);
  if ('exit' in line) return line.exit;
  const { args } = line;

  let dataset;
  let corpus;
  try {
    dataset = loadDataset((args.flags.dataset as string | undefined) ?? DEFAULT_DATASET);
    corpus = loadCorpus();
  } catch (error) {
    process.stderr.write(`eval: ${(error as Error).message}\n`);
    return 1;
  }
  const missing = missingClaims(dataset);
  if (missing.length > 0) {
    process.stderr.write(`eval: the dataset lacks claims the corpus labels: ${missing.join(', ')}\n`);
    return 1;
  }

  const matcher = createMatcher(dataset);
  const claimIds = dataset.claims.map((c) => c.id);
  const splits = args.flags.split ? [args.flags.split as Split] : SPLITS;
  const force = args.flags.force === true;
  const scores: Partial<Record<Split, SplitScore>> = {};
  for (const split of splits) scores[split] = evaluatePages(matcher, corpus[split], claimIds, { force });

  if (args.flags.json) {
    const result = {
      dataset: { version: dataset.version, contentHash: dataset.contentHash },
      force,
      floors: FLOORS,
      splits: Object.fromEntries(
        Object.entries(scores).map(([split, score]) => [
          split,
          { ...score, floorsMet: Object.fromEntries(checkFloors(score).map((f) => [f.name, f.ok])) },
        ]),
      ),
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    const head = `Source Context evaluation: dataset ${dataset.version} (${dataset.contentHash.slice(0, 12)})${force ? ', linking forced on every page' : ''}`;
    const body = Object.entries(scores).map(([split, score]) =>
      report(split as Split, score, args.flags.verbose === true),
    );
    process.stdout.write(`${head}\n\n${body.join('\n\n')}\n`);
  }
  const allOk = Object.values(scores).every((score) => checkFloors(score).every((f) => f.ok));
  return args.flags.strict && !allOk ? 3 : 0;
}

process.exitCode = main(process.argv.slice(2));
