import type { Command } from 'commander';
import { CommandRunner } from 'nest-commander';

/**
 * A command that only groups sub-commands (`users`, `oauth2`…). Without a known sub-command it
 * is a usage error: the action receives the unknown word as an argument, which commander would
 * otherwise accept, so `pacekeeper users nosuch` would print the help and succeed.
 */
export abstract class CommandGroup extends CommandRunner {
  run(args: string[]): Promise<void> {
    const [unknown] = args;
    if (unknown !== undefined)
      this.command.error(`error: unknown command '${unknown}' for '${this.path()}'`, {
        code: 'commander.unknownCommand',
        exitCode: 2,
      });
    this.command.help({ error: true });
  }

  private path(): string {
    const names: string[] = [];
    for (let command: Command | null = this.command; command !== null; command = command.parent)
      names.unshift(command.name());
    return names.join(' ');
  }
}
