import { type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { describeDevice } from 'src/auth/user-agent';
import { createCheckedParamDecorator } from 'src/common/validation/checked-param.decorator';

/**
 * "OS, browser" of the caller, for the emails the request triggers (docs/compatibility.md#emails).
 */
export const RequestDevice = createCheckedParamDecorator(
  (_data: unknown, context: ExecutionContext): string =>
    describeDevice(context.switchToHttp().getRequest<Request>().headers['user-agent']),
);
