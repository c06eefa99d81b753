import { logoSvg, logoUrl } from './logos';

describe('datasource logos', () => {
  it('answers the logo path of every datasource type with an SVG of its initial', () => {
    expect(logoSvg(logoUrl('prometheus'))).toContain('>P</text>');
    expect(logoSvg(logoUrl('loki'))).toContain('>L</text>');
  });

  it('leaves other public paths alone', () => {
    expect(logoSvg('/public/app/plugins/datasource/prometheus/module.js')).toBeUndefined();
    expect(logoSvg('/public/app/plugins/datasource/../../secrets/img/x.svg')).toBeUndefined();
  });
});
