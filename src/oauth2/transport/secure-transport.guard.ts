import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request } from 'express';
import type { AppConfig } from 'src/config/configuration';
import { InsecureTransportError } from 'src/oauth2/oauth2.errors';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

function isLoopbackAddress(address: string | undefined): boolean {
  return address === '::1' || /^(::ffff:)?127\./.test(address ?? '');
}

/**
 * True over https (X-Forwarded-Proto honoured through "trust proxy"), or for a direct loopback
 * call: both the Host and the peer are loopback and no proxy said the scheme was http.
 */
export function isSecureTransport(request: Request, isInsecureAllowed: boolean): boolean {
  if (isInsecureAllowed || request.protocol === 'https') return true;
  if (request.headers['x-forwarded-proto'] !== undefined) return false;
  return (
    LOOPBACK_HOSTS.has(request.hostname.toLowerCase()) &&
    isLoopbackAddress(request.socket.remoteAddress)
  );
}

/**
 * Authlib's https requirement on authorize/token/revoke (docs/oauth2.md#https), lifted by
 * AUTHLIB_INSECURE_TRANSPORT, answered with a clear 400 `insecure_transport` instead of a 500.
 */
@Injectable()
export class SecureTransportGuard implements CanActivate {
  constructor(private readonly config: ConfigService<AppConfig, true>) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (
      isSecureTransport(request, this.config.get('app.isInsecureTransportAllowed', { infer: true }))
    )
      return true;
    throw new InsecureTransportError();
  }
}
