import { formatDuration, parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['5m', 300_000],
    ['30d', 2_592_000_000],
    ['1h30m', 5_400_000],
    ['4w', 2_419_200_000],
    ['250ms', 250],
    [' 2h ', 7_200_000],
  ])('reads %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '30', 'd', '1.5h', '-5m', '0m', '5M', '1y', '5 m', 'abc'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe('formatDuration', () => {
  it.each([
    [900_000, '15m'],
    [3_600_000, '1h'],
    [5_400_000, '1h30m'],
    [172_800_000, '2d'],
    [90_500, '1m30s500ms'],
  ])('writes %d ms as %s, which parseDuration reads back', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
    expect(parseDuration(text)).toBe(ms);
  });
});
