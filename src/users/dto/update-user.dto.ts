import { ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';

/**
 * Body of the admin update (FitTrackee `PATCH /api/users/<username>`); every field is optional.
 * Values are checked by the service, in FitTrackee's order: the user lookup (404) comes before
 * any value error.
 */
export class UpdateUserDto {
  /** Grant (true) or remove (false) admin rights; granting also activates the account. */
  @Allow()
  @ApiPropertyOptional({ type: Boolean, example: true })
  admin?: unknown;

  /** When truthy, activates the account; false does nothing. */
  @Allow()
  @ApiPropertyOptional({ type: Boolean })
  activate?: unknown;

  /** When truthy, replaces the password by a random one and emails a reset link. */
  @Allow()
  @ApiPropertyOptional({ type: Boolean })
  reset_password?: unknown;

  /** New email: confirmed by email when sending is enabled, else replaced at once. */
  @Allow()
  @ApiPropertyOptional({ type: String, format: 'email', example: 'alex@example.org' })
  new_email?: unknown;
}
