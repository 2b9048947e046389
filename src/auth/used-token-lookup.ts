import { PrincipalLookup, type PrincipalRow } from 'src/auth/principal-lookup';
import { PrincipalStatement } from 'src/auth/principal-statement';
import type { CallerRead } from 'src/database/caller-read';
import type { PreparedQueries } from 'src/database/prepared-queries';
import { SqlParams } from 'src/database/sql-params';
import {
  LAST_USED_RESOLUTION_MS,
  LastUsedThrottle,
} from 'src/oauth2/connected-apps/last-used-throttle';

/**
 * The lookup of a scoped token (OAuth2 access token, personal access token) by its digest at
 * the current time, which also marks the token used, as docs/oauth2.md#connected-apps says:
 * `mark` is a data-modifying WITH item that writes the time (`$2`) where the stored one is a
 * minute old (`$3`: the time a minute earlier). A token this process marked less than a minute
 * ago is looked up without the write, with the other lookups of its turn (PrincipalLookup); a
 * write must stand at the top of its statement, so a lookup that marks goes alone.
 */
export class UsedTokenLookup {
  private readonly usable: PrincipalLookup<readonly ['text', 'timestamp']>;
  private readonly usableMarkedUsed: PrincipalStatement;
  private readonly throttle = new LastUsedThrottle();

  /**
   * `found(digest, now)`: the SELECT of the usable token and its user (PrincipalStatement's
   * `"found"`); `selected`: the columns read from it.
   */
  constructor(
    private readonly queries: PreparedQueries,
    found: (digest: string, now: string) => string,
    mark: string,
    selected: string,
  ) {
    this.usable = new PrincipalLookup(
      queries,
      ([digest, now]) => `WITH "found" AS (${found(digest, now)})`,
      selected,
      ['text', 'timestamp'] as const,
    );
    this.usableMarkedUsed = new PrincipalStatement(
      `WITH "found" AS (${found('$1', '$2')}), ${mark}`,
      selected,
    );
  }

  /** The row of the usable token of `digest`, with `read`; undefined when there is none. */
  async find(
    digest: string,
    read: CallerRead<unknown> | undefined,
  ): Promise<PrincipalRow | undefined> {
    const now = Date.now();
    const row = this.throttle.isDue(digest, now)
      ? await this.findMarkingUsed(digest, now, read)
      : await this.usable.find([digest, new Date(now)], read);
    // Unknown or unusable: nothing to remember about it.
    if (row === undefined) this.throttle.forget(digest);
    return row;
  }

  private async findMarkingUsed(
    digest: string,
    now: number,
    read: CallerRead<unknown> | undefined,
  ): Promise<PrincipalRow | undefined> {
    const params = new SqlParams([digest, new Date(now), new Date(now - LAST_USED_RESOLUTION_MS)]);
    const [row] = await this.queries.rows<PrincipalRow>(
      this.usableMarkedUsed.reading(read, params),
      params.values,
    );
    return row;
  }
}
