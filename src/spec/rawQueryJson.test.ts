import { rawQueryFromJson, rawQueryToJson } from './rawQueryJson';

describe('raw queries as JSON text', () => {
  it('reads back the query model it wrote', () => {
    const query = { rawSql: 'select count(*) from requests', format: 'time_series' };
    expect(rawQueryFromJson(rawQueryToJson(query))).toEqual({ ok: true, query });
  });

  it('says what is wrong with text that is not a JSON object', () => {
    const broken = rawQueryFromJson('{"rawSql": ');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.message).toMatch(/^is not JSON: /);
    expect(rawQueryFromJson('[1, 2]')).toEqual({ ok: false, message: expect.stringMatching(/^must be a JSON object/) });
    expect(rawQueryFromJson('null').ok).toBe(false);
  });
});
