import { Equals } from 'class-validator';

/** `POST /api/auth/account/privacy-policy` (as in FitTrackee): exactly JSON `true`. */
export class PrivacyPolicyDto {
  @Equals(true)
  accepted_policy!: true;
}
