const SYSTEMS: [RegExp, string][] = [
  [/Windows/, 'Windows'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Mac OS X|Macintosh/, 'Mac OS X'],
  [/Android/, 'Android'],
  [/CrOS/, 'Chrome OS'],
  [/Linux/, 'Linux'],
];

// Order matters: Edge and Opera announce Chrome, Chrome announces Safari.
const BROWSERS: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];

function firstMatch(value: string, table: [RegExp, string][]): string | undefined {
  return table.find(([pattern]) => pattern.test(value))?.[1];
}

/**
 * Operating system and browser family of the request, shown in the emails it triggers
 * (docs/compatibility.md#emails), e.g. `"Linux, Firefox"`; empty when unknown.
 */
export function describeDevice(userAgent: string | undefined): string {
  if (userAgent === undefined || userAgent === '') return '';
  const parts = [firstMatch(userAgent, SYSTEMS), firstMatch(userAgent, BROWSERS)];
  return parts.filter((part) => part !== undefined).join(', ');
}
