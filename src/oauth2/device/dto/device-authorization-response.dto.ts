import { ApiProperty } from '@nestjs/swagger';

/** The RFC 8628 §3.2 device authorization response of `POST /api/oauth/device_authorization`. */
export class DeviceAuthorizationResponseDto {
  /** The device's secret for polling the token endpoint (48 characters, single use). */
  device_code!: string;

  @ApiProperty({
    description: 'The code the user types on the verification page: 8 consonants, `XXXX-XXXX`.',
    pattern: '^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$',
    example: 'WDJB-MJHT',
  })
  user_code!: string;

  /** The short address the user opens on another device. */
  verification_uri!: string;

  /** The verification address with the user code filled in (for a link or a QR code). */
  verification_uri_complete!: string;

  /** Seconds before the device code and the user code expire. */
  @ApiProperty({ type: 'integer', minimum: 1, example: 600 })
  expires_in!: number;

  /** Seconds to wait between token requests. */
  @ApiProperty({ type: 'integer', minimum: 1, example: 5 })
  interval!: number;
}
