import fc from 'fast-check';

import { isGrafanaUid } from './names';
import { newSloUid, slugOf, uidSuffix } from './sloUid';

describe('newSloUid', () => {
  it('is a slug of the name with the suffix', () => {
    expect(newSloUid('Checkout availability', 'x7k2qa')).toBe('checkout-availability-x7k2qa');
    expect(newSloUid('  Café / API: p99 < 300ms ', 'abc123')).toBe('cafe-api-p99-300ms-abc123');
  });

  it('starts with slo when the name has no letters or digits it can use', () => {
    expect(newSloUid('', 'abc123')).toBe('slo-abc123');
    expect(newSloUid('Доступность', 'abc123')).toBe('slo-abc123');
  });

  it('cuts long names to stay within 40 characters, never ending the slug on a dash', () => {
    const uid = newSloUid('Checkout availability for the european payment gateway', 'abc123');
    expect(uid).toBe('checkout-availability-for-the-eur-abc123');
    expect(uid).toHaveLength(40);
    expect(newSloUid(`${'a'.repeat(32)} b`, 'abc123')).toBe(`${'a'.repeat(32)}-abc123`);
  });

  it('is a Grafana uid for any name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (name) => {
        expect(isGrafanaUid(newSloUid(name, uidSuffix()))).toBe(true);
      })
    );
  });
});

describe('uidSuffix and slugOf', () => {
  it('makes six characters of a-z and 0-9', () => {
    expect(uidSuffix(() => 0)).toBe('aaaaaa');
    expect(uidSuffix(() => 0.999999)).toBe('999999');
    expect(uidSuffix()).toMatch(/^[a-z0-9]{6}$/);
  });

  it('keeps only lower-case words', () => {
    expect(slugOf('HTTP 5xx -- Errors!')).toBe('http-5xx-errors');
  });
});
