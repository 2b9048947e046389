import { Inject, Injectable } from '@nestjs/common';
import type { Command } from 'commander';
import { InjectCommander } from 'nest-commander';
import { CLI_OUTPUT, type CliOutput } from 'src/cli/cli-output';

/**
 * nest-commander applies `exitOverride` and the output settings to the root command only;
 * sub-commands would call `process.exit` on a usage error. This applies them to the whole tree
 * so that every failure comes back to `runCli` as an exit code. A command without sub-commands
 * refuses extra arguments (commander accepts them by default), so a typo is never ignored.
 */
@Injectable()
export class CommanderSetup {
  constructor(
    @InjectCommander() private readonly root: Command,
    @Inject(CLI_OUTPUT) private readonly output: CliOutput,
  ) {}

  apply(): void {
    this.root.name('pacekeeper').description('Pacekeeper administration commands.');
    const visit = (command: Command): void => {
      command.exitOverride();
      if (command.commands.length === 0) command.allowExcessArguments(false);
      command.configureOutput({
        writeOut: (text) => {
          this.output.out(text.replace(/\n$/, ''));
        },
        writeErr: (text) => {
          this.output.err(text.replace(/\n$/, ''));
        },
      });
      command.commands.forEach(visit);
    };
    visit(this.root);
  }
}
