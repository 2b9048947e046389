import { loadAppConfig } from 'src/config/configuration';
import { runMigrations } from 'src/database/run-migrations';

/** `npm run db:migrate` (FitTrackee `ftcli db upgrade`). */
runMigrations(loadAppConfig())
  .then((applied) => {
    console.log(
      applied.length === 0 ? 'Database is up to date.' : `Applied: ${applied.join(', ')}`,
    );
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
