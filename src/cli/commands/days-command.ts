import { CommandRunner, Option } from 'nest-commander';
import { parseInteger } from 'src/cli/parse-options';

/** Base of the commands that take `--days N`. */
export abstract class DaysCommand extends CommandRunner {
  @Option({ flags: '--days <days>', description: 'Number of days.', required: true })
  parseDays(value: string): number {
    return parseInteger(value);
  }
}
