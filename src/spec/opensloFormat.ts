/**
 * How Nines writes what OpenSLO v1 has no field for: annotations prefixed `nines.dev/`, an alert
 * tier text, and names. Shared by the OpenSLO export and import.
 */
import { isGrafanaUid } from './names';
import type { AlertTierOption } from './types';

export const OPENSLO_VERSION = 'openslo/v1';

export const ANNOTATION = {
  uid: 'nines.dev/uid',
  folderUid: 'nines.dev/folder-uid',
  team: 'nines.dev/team',
  runbookUrl: 'nines.dev/runbook-url',
  /** Alert tiers, e.g. `page 1h/5m 2%; ticket 3d/6h 10% disabled`; '' for none; absent for the defaults. */
  alertTiers: 'nines.dev/alert-tiers',
  minEvents: 'nines.dev/min-events',
  /** Labels a ratio keeps when Prometheus aggregates, comma-separated. */
  groupBy: 'nines.dev/group-by',
  /** The window as Nines wrote it ('1h30m'), when OpenSLO's shorthand differs ('90m'). */
  window: 'nines.dev/window',
  timeSliceWindow: 'nines.dev/time-slice-window',
} as const;

/** The OpenSLO type of Prometheus metric sources; Grafana's plugin id is `prometheus`. */
export const PROMETHEUS_SOURCE_TYPE = 'Prometheus';

/** A start that is a Monday, a first of the month and of a quarter: every Nines calendar period aligns to it. */
export const CALENDAR_START = '2024-01-01 00:00:00';

export const CALENDAR_DURATIONS = { week: '1w', month: '1M', quarter: '1Q' } as const;

export function formatTiers(tiers: readonly AlertTierOption[]): string {
  return tiers
    .map(
      (tier) =>
        `${tier.severity} ${tier.longWindow}/${tier.shortWindow} ${tier.budgetShare}%${tier.enabled ? '' : ' disabled'}`
    )
    .join('; ');
}

const TIER = /^(page|ticket)\s+(\S+)\/(\S+)\s+(\S+)%(\s+disabled)?$/;

/** The tiers of a tier text, or the index of the first tier that is not `severity long/short share%`. */
export function parseTiers(text: string): { tiers: AlertTierOption[] } | { badTier: number } {
  if (text.trim() === '') {
    return { tiers: [] };
  }
  const tiers: AlertTierOption[] = [];
  for (const [index, part] of text.split(';').entries()) {
    const match = TIER.exec(part.trim());
    const budgetShare = Number(match?.[4]);
    if (!match || !Number.isFinite(budgetShare)) {
      return { badTier: index };
    }
    const severity = match[1] === 'page' ? 'page' : 'ticket';
    tiers.push({ severity, longWindow: match[2], shortWindow: match[3], budgetShare, enabled: match[5] === undefined });
  }
  return { tiers };
}

/** An OpenSLO object name (RFC 1123: lowercase letters, digits and '-') for an SLO uid. */
export function objectName(uid: string): string {
  const name = uid
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return name === '' ? 'slo' : name.slice(0, 63);
}

/** 32-bit FNV-1a, as 8 hex digits: a short stable suffix for names that are cut. */
function hash(text: string): string {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value.toString(16).padStart(8, '0');
}

/** A Grafana uid for an imported name: the name when it is one, else a cleaned and, if long, cut one. */
export function uidFromName(name: string): string {
  if (isGrafanaUid(name)) {
    return name;
  }
  const cleaned = name.replace(/[^a-zA-Z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'slo';
  return cleaned.length <= 40 ? cleaned : `${cleaned.slice(0, 31)}-${hash(name)}`;
}

/** A Prometheus label name for an imported label key: other characters become '_'. */
export function labelNameFromKey(key: string): string {
  const name = key.replace(/[^a-zA-Z0-9_]/g, '_');
  return /^[0-9]/.test(name) ? `_${name}` : name;
}
