import { isFrameworkChatter } from 'src/common/logging/root-logger';

describe('isFrameworkChatter', () => {
  it.each(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory'])(
    'demotes %s, which logs one line per module or route on every start',
    (context) => {
      expect(isFrameworkChatter({ context })).toBe(true);
    },
  );

  it("keeps the application's own lines", () => {
    expect(isFrameworkChatter({ context: 'DatabaseConnection' })).toBe(false);
    expect(isFrameworkChatter({})).toBe(false);
    expect(isFrameworkChatter('InstanceLoader')).toBe(false);
  });
});
