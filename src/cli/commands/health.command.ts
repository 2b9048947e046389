import { Inject } from '@nestjs/common';
import { Command, CommandRunner } from 'nest-commander';
import { CLI_CONFIG, CLI_OUTPUT, CliError, type CliOutput } from 'src/cli/cli-output';
import { checkHealth } from 'src/cli/health-checks';
import { formatTable } from 'src/cli/table';
import type { AppConfig } from 'src/config/configuration';

/** `health`: whether the database and Redis answer; exits 1 when one does not (for scripts). */
@Command({ name: 'health', description: 'Check that the database and Redis are reachable.' })
export class HealthCommand extends CommandRunner {
  constructor(
    @Inject(CLI_CONFIG) private readonly config: AppConfig,
    @Inject(CLI_OUTPUT) private readonly output: CliOutput,
  ) {
    super();
  }

  async run(): Promise<void> {
    const components = await checkHealth(this.config);
    const rows = components.map((c) => [c.name, c.isUp ? 'up' : 'down', c.detail]);
    this.output.out(formatTable(['COMPONENT', 'STATUS', 'DETAIL'], rows, ''));
    const down = components.filter((component) => !component.isUp).map((c) => c.name);
    if (down.length > 0) throw new CliError(`Down: ${down.join(', ')}.`);
  }
}
