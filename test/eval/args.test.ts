// The shared command-line parser: every mistake is named, so users are not left guessing.

import { describe, expect, it } from 'vitest';
import { flagHelp, parseArgs, UsageError, type FlagSpec } from '../../scripts/corpus/args';

const SPEC: Record<string, FlagSpec> = {
  json: { type: 'boolean', help: 'print JSON' },
  split: { type: 'string', values: ['train', 'validation'], help: 'one split' },
  dataset: { type: 'string', help: 'a file' },
};

describe('parseArgs', () => {
  it('reads boolean flags, string flags in both forms, and positionals', () => {
    expect(parseArgs(['--json', 'a.txt', '--split', 'train', '--dataset=x.json', 'b.html'], SPEC)).toEqual({
      flags: { json: true, split: 'train', dataset: 'x.json' },
      positionals: ['a.txt', 'b.html'],
    });
  });

  it('treats everything after -- as positionals', () => {
    expect(parseArgs(['--', '--json'], SPEC)).toEqual({ flags: {}, positionals: ['--json'] });
  });

  const bad: [string[], string][] = [
    [['--jsn'], 'unknown flag --jsn'],
    [['-j'], 'unknown flag -j'],
    [['--nope=1'], 'unknown flag --nope'],
    [['--json=yes'], '--json takes no value'],
    [['--split'], '--split needs a value (train or validation)'],
    [['--split', '--json'], '--split needs a value (train or validation)'],
    [['--split', 'test'], '--split: "test" is not one of train, validation'],
    [['--dataset='], '--dataset needs a value'],
  ];
  it.each(bad)('rejects %j with "%s"', (argv, message) => {
    expect(() => parseArgs(argv, SPEC)).toThrow(UsageError);
    expect(() => parseArgs(argv, SPEC)).toThrow(message);
  });
});

describe('flagHelp', () => {
  it('lists each flag with its values and help, aligned', () => {
    expect(flagHelp(SPEC).split('\n')).toEqual([
      '  --json                    print JSON',
      '  --split train|validation  one split',
      '  --dataset VALUE           a file',
    ]);
  });
});
