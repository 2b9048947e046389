import { InvalidPayloadError } from 'src/common/errors/http-errors';
import { parseUploadData, sportRowId } from 'src/workouts/file-uploads/upload-data';

describe('parseUploadData (docs/uploads.md#validation rule 6)', () => {
  it('accepts raw control characters inside strings, like json.loads(strict=False)', () => {
    expect(parseUploadData('{"sport_id": 1,\n "notes": "line 1\nline 2\ttab"}')).toEqual({
      sportId: 1,
      notes: 'line 1\nline 2\ttab',
    });
  });

  it('keeps escapes and quotes inside strings intact', () => {
    expect(parseUploadData('{"sport_id": "2", "notes": "say \\"hi\\"\\\\"}')).toEqual({
      sportId: '2',
      notes: 'say "hi"\\',
    });
  });

  it.each([undefined, '', 'x', '{}', '[]', '1', '{"sport_id": null}', '{"notes": "a"}'])(
    'refuses %p with invalid payload',
    (raw) => {
      expect(() => parseUploadData(raw)).toThrow(InvalidPayloadError);
    },
  );

  it('ignores a title (GPX workouts take theirs from the file)', () => {
    expect(parseUploadData('{"sport_id": 3, "title": "mine"}')).toEqual({
      sportId: 3,
      notes: null,
    });
  });

  it('sportRowId: integers and digit strings designate a row, the rest cannot', () => {
    expect([sportRowId(1), sportRowId('12'), sportRowId(' 3 ')]).toEqual([1, 12, 3]);
    expect([sportRowId(1.5), sportRowId('abc'), sportRowId(-1)]).toEqual([null, null, null]);
  });
});
