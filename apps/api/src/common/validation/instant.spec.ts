import { isInstant } from './instant';

describe('isInstant', () => {
  it.each(['2026-12-05T19:00:00+08:00', '2026-11-02T01:55:00.000Z', '2026-12-05T19:00Z', '2026-12-05'])('accepts %s', (value) => {
    expect(isInstant(value)).toBe(true);
  });

  // IsISO8601({ strict: true }) accepts the first two; new Date() cannot read them (Invalid Date, a 500).
  it.each(['2026-W48', '2026-330', '2026-02-30T10:00:00Z', '2026-11-23T25:61:00Z', '', 'now', 20261205])('refuses %p', (value) => {
    expect(isInstant(value)).toBe(false);
  });
});
