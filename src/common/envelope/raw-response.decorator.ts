import { SetMetadata } from '@nestjs/common';

export const RAW_RESPONSE_KEY = 'pacekeeper:raw-response';

/** Opts a handler out of the envelope: files, 204s, and RFC 6749 bodies of the OAuth2 endpoints. */
export const RawResponse = (): MethodDecorator & ClassDecorator =>
  SetMetadata(RAW_RESPONSE_KEY, true);
