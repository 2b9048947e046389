import { toHttpDate, toHttpDateFullMonth, toHttpDateOrNull } from 'src/common/format/http-date';

describe('HTTP dates (docs/compatibility.md#dates)', () => {
  it('formats RFC 1123 in UTC with GMT', () => {
    expect(toHttpDate(new Date(Date.UTC(2019, 6, 14, 13, 51, 1)))).toBe(
      'Sun, 14 Jul 2019 13:51:01 GMT',
    );
    expect(toHttpDate(new Date(Date.UTC(2023, 0, 2, 3, 4, 5, 999)))).toBe(
      'Mon, 02 Jan 2023 03:04:05 GMT',
    );
  });

  it('writes years before 1000 with four digits, as Python does', () => {
    expect(toHttpDate(new Date('0001-01-01T00:00:00Z'))).toBe('Mon, 01 Jan 0001 00:00:00 GMT');
    expect(toHttpDate(new Date('0999-12-31T23:59:59Z'))).toBe('Tue, 31 Dec 0999 23:59:59 GMT');
  });

  it('uses the full month name for OAuth2 clients (FitTrackee `GET /api/oauth/apps`)', () => {
    expect(toHttpDateFullMonth(new Date(Date.UTC(2022, 6, 14, 6, 27, 53)))).toBe(
      'Thu, 14 July 2022 06:27:53 GMT',
    );
  });

  it('maps null to null', () => {
    expect(toHttpDateOrNull(null)).toBeNull();
  });
});
