import { Inject } from '@nestjs/common';
import { Command, CommandRunner, SubCommand } from 'nest-commander';
import { CLI_CONFIG, CLI_OUTPUT, type CliOutput } from 'src/cli/cli-output';
import { CommandGroup } from 'src/cli/commands/command-group';
import { redactValue } from 'src/cli/redact';
import type { AppConfig } from 'src/config/configuration';

/**
 * `config show`: the configuration the server would run with (environment variables and their
 * defaults resolved), one `section.setting = value` line each, secrets redacted, so an admin can
 * check a deployment without reading the process environment.
 */
@SubCommand({ name: 'show', description: 'Show the effective configuration (secrets redacted).' })
export class ConfigShowCommand extends CommandRunner {
  constructor(
    @Inject(CLI_CONFIG) private readonly config: AppConfig,
    @Inject(CLI_OUTPUT) private readonly output: CliOutput,
  ) {
    super();
  }

  run(): Promise<void> {
    this.output.out(configLines(this.config).join('\n'));
    return Promise.resolve();
  }
}

export function configLines(config: AppConfig): string[] {
  const lines: string[] = [];
  const visit = (prefix: string, value: unknown): void => {
    if (isRecord(value)) {
      for (const [key, nested] of Object.entries(value))
        visit(prefix === '' ? key : `${prefix}.${key}`, nested);
      return;
    }
    lines.push(`${prefix} = ${display(prefix, value)}`);
  };
  visit('', config);
  return lines;
}

function display(name: string, value: unknown): string {
  if (value === undefined || value === null) return '(not set)';
  const text = Array.isArray(value) ? value.map(scalar).join(',') : scalar(value);
  return redactValue(name, text);
}

/** The settings are strings, numbers and booleans (lists of strings): print them as such. */
function scalar(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

@Command({
  name: 'config',
  description: 'Inspect the configuration.',
  subCommands: [ConfigShowCommand],
})
export class ConfigCommand extends CommandGroup {}
