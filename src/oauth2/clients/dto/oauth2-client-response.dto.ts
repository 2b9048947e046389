/** A client as FitTrackee serializes it (FitTrackee `GET /api/oauth/apps`). */
export class OAuth2ClientResponseDto {
  client_description!: string | null;
  client_id!: string;
  /** Only in the answer to the creation request. */
  client_secret?: string;
  id!: number;
  /** Full English month name: `Thu, 14 July 2022 06:27:53 GMT`. */
  issued_at!: string;
  name!: string;
  redirect_uris!: string[];
  scope!: string;
  website!: string;
}
