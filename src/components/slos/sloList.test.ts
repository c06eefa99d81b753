import { ratioSlo, thresholdSlo } from '../../spec/testing';
import type { SloSpec } from '../../spec/types';
import { distinct, filterRows, sloRow, type SloListFilter, type SloRow } from './sloList';

const row = (patch: Partial<SloSpec>): SloRow =>
  sloRow({ slo: { ...ratioSlo(), ...patch }, version: 1, folderUid: '' });
const names = (rows: SloRow[]) => rows.map((each) => each.name);
const all: SloListFilter = { services: [], teams: [], labels: [], sort: 'name' };

describe('sloRow', () => {
  it('gives the labels as sorted key=value pairs and keeps the objective in percent', () => {
    const { labels, target, objective } = row({ labels: { tier: '1', env: 'prod' } });
    expect(labels).toEqual(['env=prod', 'tier=1']);
    expect(target).toBe(99.9);
    expect(objective).toBe('99.9%');
  });

  it('describes a threshold SLI by its comparison', () => {
    expect(row({ sli: thresholdSlo().sli }).sliKind).toBe('Share of points with value ≤ 0.3 (Prometheus)');
  });
});

describe('filterRows', () => {
  const rows = [
    row({ uid: 'a', name: 'A', labels: { env: 'prod', tier: '1' } }),
    row({ uid: 'b', name: 'B', labels: { env: 'prod', tier: '2' } }),
    row({ uid: 'c', name: 'C', labels: { env: 'staging', tier: '1' } }),
    row({ uid: 'd', name: 'D', labels: {} }),
  ];

  it('keeps the rows that have every selected label', () => {
    expect(names(filterRows(rows, { ...all, labels: ['env=prod'] }))).toEqual(['A', 'B']);
    expect(names(filterRows(rows, { ...all, labels: ['env=prod', 'tier=1'] }))).toEqual(['A']);
    expect(names(filterRows(rows, { ...all, labels: ['env=prod', 'env=staging'] }))).toEqual([]);
  });

  it('combines the label filter with the service and team filters', () => {
    const mixed = [...rows, row({ uid: 'e', name: 'E', service: 'search', labels: { env: 'prod' } })];
    expect(names(filterRows(mixed, { ...all, services: ['search'], labels: ['env=prod'] }))).toEqual(['E']);
  });

  it('sorts by risk: least budget left first, overspent before exhausted, SLOs without numbers last by name', () => {
    const remaining = new Map<string, number | null>([
      ['a', 0.5],
      ['b', -0.2],
      ['c', 0],
      ['d', null],
    ]);
    const more = [...rows, row({ uid: 'e', name: 'E' })];
    expect(names(filterRows(more, { ...all, sort: 'risk' }, remaining))).toEqual(['B', 'C', 'A', 'D', 'E']);
  });

  it('sorts by risk by name and uid while no SLO has a number yet', () => {
    const twins = [row({ uid: 'z', name: 'Same' }), row({ uid: 'y', name: 'Same' }), row({ uid: 'x', name: 'Other' })];
    expect(filterRows(twins, { ...all, sort: 'risk' }).map((each) => each.uid)).toEqual(['x', 'y', 'z']);
  });

  it('does not reorder the rows it was given', () => {
    const given = [rows[2], rows[0]];
    filterRows(given, all);
    expect(names(given)).toEqual(['C', 'A']);
  });
});

describe('distinct', () => {
  it('gives each non-empty value once, sorted', () => {
    expect(distinct(['tier=2', '', 'env=prod', 'tier=2'])).toEqual(['env=prod', 'tier=2']);
  });
});
