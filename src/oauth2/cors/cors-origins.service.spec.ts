import type { ConfigService } from '@nestjs/config';
import type { AppConfig } from 'src/config/configuration';
import type { OAuth2Client } from 'src/oauth2/clients/oauth2-client.entity';
import {
  CorsOriginsService,
  ORIGINS_MAX_AGE_MS,
  ORIGINS_MISS_RELOAD_MS,
} from 'src/oauth2/cors/cors-origins.service';
import type { Repository } from 'typeorm';

type Rows = Pick<OAuth2Client, 'id' | 'redirectUris'>[];

function setup(rows: Rows, extraOrigins: string[] = []) {
  const find = jest.fn<Promise<Rows>, []>(() => Promise.resolve(rows));
  const repository = { find } as unknown as Repository<OAuth2Client>;
  const config = {
    get: () => extraOrigins,
  } as unknown as ConfigService<AppConfig, true>;
  return { service: new CorsOriginsService(repository, config), find };
}

describe('CorsOriginsService (docs/oauth2.md#cors)', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-05-01T10:00:00Z') });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('allows the web origins of redirect URIs and CORS_ORIGINS, nothing else', async () => {
    const { service } = setup(
      [
        { id: 1, redirectUris: ['https://App.example.net:443/cb?x=1', 'com.example.app:/cb'] },
        { id: 2, redirectUris: ['http://127.0.0.1:8080/cb', 'http://[::1]/cb'] },
      ],
      ['https://admin.example.org'],
    );
    for (const origin of [
      'https://app.example.net',
      'http://127.0.0.1:8080',
      'http://[::1]',
      'https://admin.example.org',
    ])
      expect({ origin, allowed: await service.isAllowed(origin) }).toEqual({
        origin,
        allowed: true,
      });
    for (const origin of [
      'https://app.example.net:8443',
      'http://127.0.0.1',
      'null',
      'com.example.app:',
    ])
      expect({ origin, allowed: await service.isAllowed(origin) }).toEqual({
        origin,
        allowed: false,
      });
  });

  it('answers known origins from memory and reloads for an unknown one at most every 5 s', async () => {
    const rows: Rows = [{ id: 1, redirectUris: ['https://a.example.net/cb'] }];
    const { service, find } = setup(rows);
    expect(await service.isAllowed('https://a.example.net')).toBe(true);
    expect(await service.isAllowed('https://a.example.net')).toBe(true);
    expect(await service.isAllowed('https://b.example.net')).toBe(false);
    expect(find).toHaveBeenCalledTimes(1);
    rows.push({ id: 2, redirectUris: ['https://b.example.net/cb'] });
    jest.advanceTimersByTime(ORIGINS_MISS_RELOAD_MS + 1);
    expect(await service.isAllowed('https://b.example.net')).toBe(true);
    expect(find).toHaveBeenCalledTimes(2);
  });

  it('drops the set after a minute, or at once when told', async () => {
    const rows: Rows = [{ id: 1, redirectUris: ['https://a.example.net/cb'] }];
    const { service, find } = setup(rows);
    expect(await service.isAllowed('https://a.example.net')).toBe(true);
    rows.pop();
    jest.advanceTimersByTime(ORIGINS_MAX_AGE_MS + 1);
    expect(await service.isAllowed('https://a.example.net')).toBe(false);
    rows.push({ id: 3, redirectUris: ['https://c.example.net/cb'] });
    service.forget();
    expect(await service.isAllowed('https://c.example.net')).toBe(true);
    expect(find).toHaveBeenCalledTimes(3);
  });

  it('keeps the last set when the database cannot be read, and never rejects', async () => {
    const { service, find } = setup([{ id: 1, redirectUris: ['https://a.example.net/cb'] }]);
    expect(await service.isAllowed('https://a.example.net')).toBe(true);
    find.mockRejectedValue(new Error('connection refused'));
    jest.advanceTimersByTime(ORIGINS_MAX_AGE_MS + 1);
    expect(await service.isAllowed('https://a.example.net')).toBe(true);
    expect(await setup([]).service.isAllowed('https://a.example.net')).toBe(false);
  });
});
