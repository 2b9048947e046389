import { Equals } from 'class-validator';

/** `POST /api/auth/account/privacy-policy` (spec auth.md §4.17): exactly JSON `true`. */
export class PrivacyPolicyDto {
  @Equals(true)
  accepted_policy!: true;
}
