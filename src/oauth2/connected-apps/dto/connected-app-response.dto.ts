import { ApiProperty } from '@nestjs/swagger';

/** An application the user authorized, whoever owns it (docs/oauth2.md#connected-apps). */
export class ConnectedAppResponseDto {
  /** The application's public client id, used to revoke it. */
  client_id!: string;

  /** The application's name. */
  name!: string;

  /** The application's website. */
  website!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The description, if any.' })
  client_description!: string | null;

  /** Space-separated scopes the user granted, in vocabulary order; empty when none. */
  scope!: string;

  /** RFC 1123 date of the user's first consent to the application. */
  first_authorized_at!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'RFC 1123 date the application last got tokens or called the API with them, to the ' +
      'minute; null when it never did.',
  })
  last_used_at!: string | null;
}

/** `data` of `GET /api/oauth/authorized_apps`: most recently authorized first. */
export class ConnectedAppListDataDto {
  @ApiProperty({ type: () => [ConnectedAppResponseDto] })
  authorized_apps!: ConnectedAppResponseDto[];
}
