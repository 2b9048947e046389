import express, { type Request, type Response } from 'express';
import type { CorsOriginsService } from 'src/oauth2/cors/cors-origins.service';
import { CorsPolicy } from 'src/oauth2/cors/cors-policy';
import request from 'supertest';

function app(setVaryFirst?: string): express.Express {
  const origins = { isAllowed: () => Promise.resolve(true) } as unknown as CorsOriginsService;
  const server = express();
  if (setVaryFirst !== undefined)
    server.use((_request: Request, response: Response, next) => {
      response.setHeader('Vary', setVaryFirst);
      next();
    });
  server.use(new CorsPolicy(origins).handle);
  server.get('/api/workouts', (_request, response) => {
    response.json({ status: 'success' });
  });
  server.get('/api/auth/profile/edit/account', (_request, response) => {
    response.json({ status: 'success' });
  });
  return server;
}

describe('CorsPolicy', () => {
  it('varies on Origin on the paths browser apps may call', async () => {
    const res = await request(app()).get('/api/workouts').set('Origin', 'https://app.example');
    expect(res.headers['vary']).toBe('Origin');
    expect(res.headers['access-control-allow-origin']).toBe('https://app.example');
  });

  it('adds Origin to a Vary already set', async () => {
    const res = await request(app('Accept-Encoding')).get('/api/workouts');
    expect(res.headers['vary']).toBe('Accept-Encoding, Origin');
  });

  it('leaves same-origin paths alone', async () => {
    const res = await request(app())
      .get('/api/auth/profile/edit/account')
      .set('Origin', 'https://app.example');
    expect(res.headers['vary']).toBeUndefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
