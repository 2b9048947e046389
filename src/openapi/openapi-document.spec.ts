import type { OpenAPIObject } from '@nestjs/swagger';
import { finishDocument } from 'src/openapi/openapi-document';

function documentWith(operations: Record<string, { operationId: string; tags?: string[] }>) {
  const paths: OpenAPIObject['paths'] = {};
  for (const [path, operation] of Object.entries(operations))
    paths[path] = { get: { ...operation, responses: {} } };
  return { openapi: '3.0.0', info: { title: 't', version: '1' }, paths } as OpenAPIObject;
}

describe('finishDocument', () => {
  const finished = finishDocument(
    documentWith({
      '/api/users': { operationId: 'UsersController.list', tags: ['users'] },
      '/api/workouts': { operationId: 'WorkoutsController.list', tags: ['workouts'] },
      '/api/ping': { operationId: 'AppConfigController.ping', tags: ['config', 'zzz'] },
    }),
  );

  it('uses the method name, prefixed by the controller only when two share it', () => {
    expect(Object.values(finished.paths).map((item) => item.get?.operationId)).toEqual([
      'usersList',
      'workoutsList',
      'ping',
    ]);
  });

  it('marks operations without security as public', () => {
    expect(finished.paths['/api/ping']?.get?.security).toEqual([]);
  });

  it('lists every tag used, sorted, each with a description', () => {
    expect(finished.tags?.map((tag) => tag.name)).toEqual(['config', 'users', 'workouts', 'zzz']);
    expect(finished.tags?.every((tag) => (tag.description ?? '') !== '')).toBe(true);
  });

  it('documents the 503 of a database outage, with Retry-After, where the database is used', () => {
    const responses = finished.paths['/api/workouts']?.get?.responses;
    expect(responses?.['503']).toMatchObject({ headers: { 'Retry-After': {} } });
    expect(finished.paths['/api/ping']?.get?.responses['503']).toBeUndefined();
  });

  it('documents the body limit everywhere and the 304 of a conditional GET on GETs', () => {
    const responses = finished.paths['/api/workouts']?.get?.responses;
    expect(responses?.['413']).toMatchObject({ content: { 'application/json': {} } });
    expect(responses?.['304']).toBeDefined();
  });
});
