// `npm run scan -- FILE...`: run the engine on text and HTML files as the content script would
// (HTML through the same extractor) and report whether each is about the incident and which
// passages state which claims. `--json` prints one JSON object per file per line; offsets are
// into the file's text (.txt) or the extracted text (.html).

import type { Dataset } from '../src/dataset/types';
import { createMatcher } from '../src/match/index';
import type { ClaimMatch, Matcher, PageAnalysis } from '../src/match/types';
import { commandLine, flagHelp, UsageError, type FlagSpec } from './corpus/args';
import { DEFAULT_DATASET, loadDataset } from './corpus/dataset';
import { fixed, trimText } from './corpus/format';
import { InputError, readInput, SCANNABLE_EXTENSIONS, type ReadInput } from './corpus/read';

const FLAGS: Record<string, FlagSpec> = {
  json: { type: 'boolean', help: 'print one JSON object per file, one per line' },
  force: { type: 'boolean', help: 'link passages even when a file is not recognized as about the incident' },
  dataset: { type: 'string', valueName: 'FILE', help: 'the compiled dataset (default: dist/dataset.json)' },
  help: { type: 'boolean', help: 'show this help' },
};

const HELP = `Usage: npm run --silent scan -- [options] FILE...

Reads each FILE (${Object.keys(SCANNABLE_EXTENSIONS).join(', ')}), decides whether it is about the
2026-01-07 Minneapolis ICE shooting, and lists the passages that state a claim from the dataset.
HTML is read with the extension's own text extractor. Unreadable files are reported on stderr and
make the exit status 1; the other files are still scanned. Bad arguments exit with status 2.

Options:
${flagHelp(FLAGS)}

JSON output, one line per file:
  {"file", "kind", "about", "score", "evidence": [...], "matches": [{"claimId", "start", "end",
   "text", "score", "reason", "detail", "carried", "attributedTo", "hedges", "quoteComparisons"}]}
  start/end are offsets (JavaScript string units) into the file's text (.txt) or the extracted
  text (.html); "text" equals that text sliced at [start, end).`;

/** One match as the scan prints it: every field of the engine's `ClaimMatch`, in a fixed order. */
function matchJson(m: ClaimMatch) {
  return {
    claimId: m.claimId,
    start: m.start,
    end: m.end,
    text: m.text,
    score: m.score,
    reason: m.reason,
    detail: m.detail,
    carried: m.carried,
    attributedTo: m.attributedTo ?? null,
    hedges: m.hedges,
    quoteComparisons: m.quoteComparisons,
  };
}

function fileJson(file: string, input: ReadInput, analysis: PageAnalysis) {
  return {
    file,
    kind: input.kind,
    length: input.text.length,
    about: analysis.about,
    score: analysis.score,
    evidence: analysis.evidence,
    matches: analysis.matches.map(matchJson),
  };
}

function fileReport(file: string, input: ReadInput, analysis: PageAnalysis, dataset: Dataset): string {
  const out: string[] = [file];
  out.push(`  about the incident: ${analysis.about ? 'yes' : 'no'} (score ${fixed(analysis.score, 2)})`);
  const evidence = analysis.evidence
    .slice()
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, 8)
    .map(
      (e) =>
        `${e.kind === 'against' ? 'against: ' : ''}${e.label} (${e.weight >= 0 ? '+' : ''}${fixed(e.weight, 2)})`,
    );
  if (evidence.length > 0) out.push(`  evidence: ${evidence.join('; ')}`);
  if (analysis.matches.length === 0) {
    out.push(
      `  no passages linked to claims${analysis.about ? '' : ' (not about the incident; --force links anyway)'}`,
    );
    return out.join('\n');
  }
  out.push(`  ${analysis.matches.length} passage(s) linked to claims:`);
  const statements = new Map(dataset.claims.map((c) => [c.id, c.statement]));
  for (const m of analysis.matches) {
    const how = m.carried.length > 0 ? m.carried.join(', ') : 'carriage unknown';
    const who = m.attributedTo ? ` · attributed to ${m.attributedTo.actorId ?? m.attributedTo.text}` : '';
    const hedges = m.hedges.length > 0 ? ` · hedged: ${m.hedges.join(', ')}` : '';
    out.push(`  - ${m.claimId}  [${how}${who}${hedges}]  ${m.reason} ${fixed(m.score, 2)}`);
    out.push(`      “${trimText(m.text, 140)}”  (${m.start}–${m.end})`);
    const statement = statements.get(m.claimId);
    if (statement) out.push(`      claim: ${trimText(statement, 140)}`);
    for (const q of m.quoteComparisons) {
      if (!q.identical)
        out.push(`      differs from ${q.outletId}'s printed quote: “${trimText(q.printed, 120)}”`);
    }
  }
  return out.join('\n');
}

function main(argv: readonly string[]): number {
  const line = commandLine('scan', argv, FLAGS, HELP, (args) => {
    if (!args.flags.help && args.positionals.length === 0) throw new UsageError('no files given');
  });
  if ('exit' in line) return line.exit;
  const { args } = line;

  let dataset: Dataset;
  try {
    dataset = loadDataset((args.flags.dataset as string | undefined) ?? DEFAULT_DATASET);
  } catch (error) {
    process.stderr.write(`scan: ${(error as Error).message}\n`);
    return 1;
  }
  const matcher: Matcher = createMatcher(dataset);
  const json = args.flags.json === true;
  const force = args.flags.force === true;
  let failed = 0;
  let first = true;
  for (const file of args.positionals) {
    let input: ReadInput;
    try {
      input = readInput(file);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      process.stderr.write(`scan: ${error.message}\n`);
      failed++;
      continue;
    }
    const analysis = matcher.analyze({ text: input.text, blocks: input.blocks }, { force });
    if (json) process.stdout.write(`${JSON.stringify(fileJson(file, input, analysis))}\n`);
    else {
      process.stdout.write(`${first ? '' : '\n'}${fileReport(file, input, analysis, dataset)}\n`);
      first = false;
    }
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
