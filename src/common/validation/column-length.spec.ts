import { InvalidInputError } from 'src/common/errors/http-errors';
import {
  assertFitsColumn,
  columnLength,
  columnLengthProblem,
} from 'src/common/validation/column-length';
import { OAuth2Client } from 'src/oauth2/clients/oauth2-client.entity';
import { User } from 'src/users/user.entity';
import { Workout } from 'src/workouts/workout.entity';

describe('column lengths from the entities', () => {
  it('reads varchar lengths and finds none on text columns', () => {
    expect(columnLength(User, 'firstName')).toBe(80);
    expect(columnLength(Workout, 'notes')).toBe(500);
    expect(columnLength(OAuth2Client, 'description')).toBeUndefined();
  });

  it('refuses a property that is not a column', () => {
    expect(() => columnLength(User, 'constructor' as keyof User)).toThrow(
      'User.constructor is not a column',
    );
  });

  it('counts characters as PostgreSQL does, not UTF-16 units', () => {
    expect(columnLengthProblem('😀'.repeat(80), User, 'firstName', 'first_name')).toBeUndefined();
    expect(columnLengthProblem('😀'.repeat(81), User, 'firstName', 'first_name')).toBe(
      'first_name: 80 characters maximum',
    );
  });

  it('lets other types and text columns through', () => {
    expect(columnLengthProblem(12, User, 'firstName', 'first_name')).toBeUndefined();
    expect(
      columnLengthProblem('x'.repeat(10_000), OAuth2Client, 'description', 'd'),
    ).toBeUndefined();
  });

  it('throws a 400 naming the field for a value parsed by hand', () => {
    expect(() => {
      assertFitsColumn('x'.repeat(256), OAuth2Client, 'name', 'client_name');
    }).toThrow(new InvalidInputError('client_name: 255 characters maximum'));
  });
});
