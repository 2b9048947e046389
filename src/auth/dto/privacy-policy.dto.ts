import { ApiProperty } from '@nestjs/swagger';
import { Equals } from 'class-validator';

/** `POST /api/auth/account/privacy-policy` (as in FitTrackee): exactly JSON `true`. */
export class PrivacyPolicyDto {
  @ApiProperty({ enum: [true], description: 'Must be JSON `true`.' })
  @Equals(true)
  accepted_policy!: true;
}
