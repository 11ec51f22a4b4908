import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in how the command was typed: exit code 2 and the usage. */
export class UsageError extends Error {}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify a positional argument.*$/s, '.'));
  }
}

export const projectOption = { project: { type: 'string' } } as const;
export const jsonOption = { json: { type: 'boolean', default: false } } as const;

/** A command's --json answer on standard output, indented for people who read it too. */
export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}
