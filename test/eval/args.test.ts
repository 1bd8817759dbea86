// The shared command-line parser: every mistake is named, so users are not left guessing.

import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  commandLine,
  flagHelp,
  noPositionals,
  parseArgs,
  UsageError,
  type FlagSpec,
} from '../../scripts/corpus/args';

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

describe('commandLine', () => {
  afterEach(() => vi.restoreAllMocks());
  const capture = (): { out: string[]; err: string[] } => {
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
    return { out, err };
  };

  it("hands back the arguments and the check's values", () => {
    const io = capture();
    const line = commandLine('eval', ['--split', 'train'], SPEC, 'HELP', (args) => args.flags.split);
    expect(line).toEqual({ args: { flags: { split: 'train' }, positionals: [] }, checked: 'train' });
    expect(io.out.concat(io.err)).toEqual([]);
  });

  it('names a parse error or a failed check, points to --help and gives exit status 2', () => {
    const io = capture();
    expect(commandLine('bench:ab', ['--jsn'], SPEC, 'HELP', noPositionals)).toEqual({ exit: 2 });
    expect(commandLine('bench:ab', ['a.txt'], SPEC, 'HELP', noPositionals)).toEqual({ exit: 2 });
    expect(io.err).toEqual([
      'bench:ab: unknown flag --jsn\nRun `npm run bench:ab -- --help` for usage.\n',
      'bench:ab: unexpected argument "a.txt"\nRun `npm run bench:ab -- --help` for usage.\n',
    ]);
    expect(io.out).toEqual([]);
  });

  it('prints the help on stdout with exit status 0', () => {
    const io = capture();
    const spec = { ...SPEC, help: { type: 'boolean', help: 'show this help' } } as const;
    expect(commandLine('scan', ['--help'], spec, 'HELP', () => undefined)).toEqual({ exit: 0 });
    expect(io.out).toEqual(['HELP\n']);
    expect(io.err).toEqual([]);
  });

  it('lets errors that are not usage errors through', () => {
    capture();
    expect(() =>
      commandLine('scan', [], SPEC, 'HELP', () => {
        throw new TypeError('a bug');
      }),
    ).toThrow(TypeError);
  });
});
