// A small command-line parser for the eval, scan and bench scripts: known flags only, each error
// names the flag, so `npm run scan -- --jsn a.txt` says "unknown flag --jsn" instead of guessing.

/** One flag a script accepts. */
export interface FlagSpec {
  /** 'boolean' flags take no value; 'string' flags take the next argument or `--flag=value`. */
  type: 'boolean' | 'string';
  /** The allowed values of a string flag, when it is a choice. */
  values?: readonly string[];
  /** What --help calls a string flag's value ("FILE", "N"); default VALUE. */
  valueName?: string;
  /** One line for --help. */
  help: string;
}

/** Parsed arguments: flag values by name (without the dashes) and the remaining arguments. */
export interface ParsedArgs {
  flags: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** A bad command line; the message names the flag or argument. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Parse `argv` (without node and the script) against `spec`; `--` ends the flags. */
export function parseArgs(argv: readonly string[], spec: Readonly<Record<string, FlagSpec>>): ParsedArgs {
  const flags: ParsedArgs['flags'] = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = (eq < 0 ? arg : arg.slice(0, eq)).replace(/^--?/, '');
    const flag = spec[name];
    if (!flag || !arg.startsWith('--'))
      throw new UsageError(`unknown flag ${eq < 0 ? arg : arg.slice(0, eq)}`);
    if (flag.type === 'boolean') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      flags[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) value = undefined;
      else i++;
    }
    const choices = flag.values ? ` (${flag.values.join(' or ')})` : '';
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value${choices}`);
    if (flag.values && !flag.values.includes(value)) {
      throw new UsageError(`--${name}: "${value}" is not one of ${flag.values.join(', ')}`);
    }
    flags[name] = value;
  }
  return { flags, positionals };
}

/** A string flag's value as a whole number >= 1, `fallback` when it is absent. */
export function wholeFlag(name: string, value: string | boolean | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^[1-9]\d*$/.test(value))
    throw new UsageError(`--${name}: "${String(value)}" is not a whole number >= 1`);
  return Number(value);
}

/** The flag lines of a --help text, aligned. */
export function flagHelp(spec: Readonly<Record<string, FlagSpec>>): string {
  const rows = Object.entries(spec).map(([name, flag]) => {
    const value =
      flag.type === 'string' ? ` ${flag.values ? flag.values.join('|') : (flag.valueName ?? 'VALUE')}` : '';
    return [`  --${name}${value}`, flag.help] as const;
  });
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, help]) => left.padEnd(width) + help).join('\n');
}

/** Fails when a script that takes no file arguments is given one. */
export function noPositionals(args: ParsedArgs): void {
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
}

/**
 * The start every script's `main` shares: parses `argv` against `spec` and runs `check` (which
 * may throw UsageError, and returns the values it read). A usage error is printed with a pointer
 * to --help and gives exit status 2; --help prints `help` and gives 0. Otherwise the parsed
 * arguments and `check`'s values come back, for the script to go on with.
 */
export function commandLine<T>(
  script: string,
  argv: readonly string[],
  spec: Readonly<Record<string, FlagSpec>>,
  help: string,
  check: (args: ParsedArgs) => T,
): { args: ParsedArgs; checked: T } | { exit: number } {
  let args: ParsedArgs;
  let checked: T;
  try {
    args = parseArgs(argv, spec);
    checked = check(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${script}: ${error.message}\nRun \`npm run ${script} -- --help\` for usage.\n`);
    return { exit: 2 };
  }
  if (args.flags.help) {
    process.stdout.write(`${help}\n`);
    return { exit: 0 };
  }
  return { args, checked };
}

/** Progress lines for stderr, kept quiet when the script prints JSON. */
export function progressLog(json: boolean): (line: string) => void {
  return (line) => {
    if (!json) process.stderr.write(`${line}\n`);
  };
}
