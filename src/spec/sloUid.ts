/**
 * The uid of a new SLO: a slug of its name, so that URLs and library panels are recognisable, and
 * a short random suffix, so that two SLOs of the same name in different folders do not collide.
 */
const MAX_UID_LENGTH = 40;
const SUFFIX_LENGTH = 6;
const SUFFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Six random characters of a-z and 0-9 (not for secrets: uids are public). */
export function uidSuffix(random: () => number = Math.random): string {
  let suffix = '';
  for (let i = 0; i < SUFFIX_LENGTH; i++) {
    suffix += SUFFIX_ALPHABET[Math.floor(random() * SUFFIX_ALPHABET.length) % SUFFIX_ALPHABET.length];
  }
  return suffix;
}

/** Lower-case words of a-z and 0-9 joined by `-`, accents dropped ("Café API" is `cafe-api`). */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `checkout-availability-x7k2qa`: within Grafana's 40 characters; `slo-…` for names without a-z or 0-9. */
export function newSloUid(name: string, suffix: string): string {
  const room = MAX_UID_LENGTH - suffix.length - 1;
  const slug = slugOf(name).slice(0, room).replace(/-+$/, '') || 'slo';
  return `${slug}-${suffix}`;
}
