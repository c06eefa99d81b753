import { parseSelector } from './parseSelector';

describe('parseSelector', () => {
  it('reads a metric without matchers', () => {
    expect(parseSelector('  up ')).toEqual({ metric: 'up', matchers: [] });
    expect(parseSelector('up{}')).toEqual({ metric: 'up', matchers: [] });
  });

  it('reads matchers with spaces, trailing commas and every quote', () => {
    expect(parseSelector('req_total{ code =~ "5..", job!=\'api\', path=`a\\b`, }')).toEqual({
      metric: 'req_total',
      matchers: [
        { name: 'code', op: '=~', value: '5..' },
        { name: 'job', op: '!=', value: 'api' },
        { name: 'path', op: '=', value: 'a\\b' },
      ],
    });
  });

  it('unescapes quoted values', () => {
    expect(parseSelector('m{a="x\\"y\\\\z\\n\\t"}')?.matchers[0].value).toBe('x"y\\z\n\t');
  });

  it.each([
    ['a function', 'sum(up)'],
    ['a range', 'up[5m]'],
    ['an operator', 'up > 0'],
    ['no metric name', '{__name__="up"}'],
    ['an unterminated string', 'up{a="x}'],
    ['a missing comma', 'up{a="1" b="2"}'],
    ['an unknown escape', 'up{a="\\q"}'],
    ['a label name with a colon', 'up{a:b="1"}'],
    ['a newline in a string', 'up{a="x\ny"}'],
    ['an empty text', ''],
  ])('is null for %s', (_, text) => {
    expect(parseSelector(text)).toBeNull();
  });
});
