import { PanelPlugin } from '@grafana/data';
import { AlertTiersEditor } from './AlertTiersEditor';
import { migrateSloPanelOptions } from './migrations';
import { SloPanel } from './SloPanel';
import { defaultSloPanelOptions as defaults, sloWindows, type SloPanelOptions } from './types';

// The overview draws stored SLOs, each with its own objective, queries and alerting: the options of
// one SLO mean nothing there, and the overview's filters mean nothing elsewhere.
const isOverview = (options: SloPanelOptions) => options.view === 'overview';
const isOneSlo = (options: SloPanelOptions) => !isOverview(options);
const isTimeslices = (options: SloPanelOptions) =>
  isOneSlo(options) && options.objective.budgetingMethod !== 'Occurrences';
const FILTER_HELP = 'Comma-separated; template variables are allowed (multi-value ones too). Empty shows all.';

export const plugin = new PanelPlugin<SloPanelOptions>(SloPanel)
  .setMigrationHandler(migrateSloPanelOptions)
  .setPanelOptions((builder) =>
    builder
      .addRadio({
        path: 'view',
        name: 'View',
        defaultValue: defaults.view,
        settings: {
          options: [
            { value: 'summary', label: 'Summary' },
            { value: 'trend', label: 'SLI trend' },
            { value: 'budget', label: 'Error budget' },
            { value: 'alerts', label: 'Burn-rate alerts' },
            { value: 'overview', label: 'Overview' },
          ],
        },
      })
      .addTextInput({
        path: 'overview.teams',
        name: 'Teams',
        category: ['Overview'],
        description: `Show the SLOs of these teams, e.g. $team. ${FILTER_HELP}`,
        defaultValue: defaults.overview.teams,
        settings: { placeholder: 'All teams' },
        showIf: isOverview,
      })
      .addTextInput({
        path: 'overview.services',
        name: 'Services',
        category: ['Overview'],
        description: `Show the SLOs of these services. ${FILTER_HELP}`,
        defaultValue: defaults.overview.services,
        settings: { placeholder: 'All services' },
        showIf: isOverview,
      })
      .addTextInput({
        path: 'overview.labels',
        name: 'Labels',
        category: ['Overview'],
        description: `Show the SLOs that carry every one of these labels, as key=value. ${FILTER_HELP}`,
        defaultValue: defaults.overview.labels,
        settings: { placeholder: 'tier=1' },
        showIf: isOverview,
      })
      .addRadio({
        path: 'overview.granularity',
        name: 'Compliance by',
        category: ['Overview'],
        description: 'Columns of the compliance grid.',
        defaultValue: defaults.overview.granularity,
        settings: {
          options: [
            { value: 'month', label: 'Month' },
            { value: 'week', label: 'Week' },
          ],
        },
        showIf: isOverview,
      })
      .addBooleanSwitch({
        path: 'overview.large',
        name: 'Large type',
        category: ['Overview'],
        description: 'Bigger text, readable from across the room on a TV board.',
        defaultValue: defaults.overview.large,
        showIf: isOverview,
      })
      .addNumberInput({
        path: 'objective.target',
        name: 'Target (%)',
        category: ['Objective'],
        description: 'Share of good events the service promises, e.g. 99.9.',
        defaultValue: defaults.objective.target,
        settings: { min: 0, max: 100, step: 0.01 },
        showIf: isOneSlo,
      })
      .addSelect({
        path: 'objective.window',
        name: 'Window',
        category: ['Objective'],
        description: 'Rolling days or a calendar period (weeks start on Monday); template variables are allowed.',
        defaultValue: defaults.objective.window,
        settings: { options: sloWindows, allowCustomValue: true },
        showIf: isOneSlo,
      })
      .addRadio({
        path: 'objective.budgetingMethod',
        name: 'Budgeting method',
        category: ['Objective'],
        description: 'Count events, or time slices that meet the target.',
        defaultValue: defaults.objective.budgetingMethod,
        settings: {
          options: [
            { value: 'Occurrences', label: 'Occurrences' },
            { value: 'Timeslices', label: 'Timeslices' },
            { value: 'RatioTimeslices', label: 'Ratio timeslices' },
          ],
        },
        showIf: isOneSlo,
      })
      .addTextInput({
        path: 'objective.timeSliceWindow',
        name: 'Time slice',
        category: ['Objective'],
        defaultValue: defaults.objective.timeSliceWindow,
        showIf: isTimeslices,
      })
      .addNumberInput({
        path: 'objective.timeSliceTarget',
        name: 'Slice target (%)',
        category: ['Objective'],
        description: 'A slice is good when its SLI reaches this; 0 uses the objective target.',
        defaultValue: defaults.objective.timeSliceTarget,
        settings: { min: 0, max: 100 },
        showIf: (options) => isOneSlo(options) && options.objective.budgetingMethod === 'Timeslices',
      })
      .addRadio({
        path: 'queries.eventKind',
        name: 'Event query counts',
        category: ['Queries'],
        defaultValue: defaults.queries.eventKind,
        settings: {
          options: [
            { value: 'good', label: 'Good events' },
            { value: 'bad', label: 'Bad events' },
          ],
        },
        showIf: isOneSlo,
      })
      .addTextInput({
        path: 'queries.eventRefId',
        name: 'Event query',
        category: ['Queries'],
        description: 'Query name (refId). Empty: the query named good or bad, else A.',
        defaultValue: defaults.queries.eventRefId,
        settings: { placeholder: 'good, bad or A' },
        showIf: isOneSlo,
      })
      .addTextInput({
        path: 'queries.totalRefId',
        name: 'Total query',
        category: ['Queries'],
        description: 'Query name (refId). Empty: the query named total, else B.',
        defaultValue: defaults.queries.totalRefId,
        settings: { placeholder: 'total or B' },
        showIf: isOneSlo,
      })
      .addRadio({
        path: 'queries.valueKind',
        name: 'Values are',
        category: ['Queries'],
        description: 'Several series of one query are summed.',
        defaultValue: defaults.queries.valueKind,
        settings: {
          options: [
            { value: 'counter', label: 'Cumulative counters' },
            { value: 'increment', label: 'Counts per interval' },
          ],
        },
        showIf: isOneSlo,
      })
      .addCustomEditor({
        id: 'alertTiers',
        path: 'alerting.tiers',
        name: 'Alert tiers',
        category: ['Alerting'],
        description:
          'Multiwindow burn-rate tiers (SRE Workbook); a tier fires when both windows burn faster than its factor.',
        defaultValue: defaults.alerting.tiers,
        editor: AlertTiersEditor,
        showIf: isOneSlo,
      })
      .addNumberInput({
        path: 'alerting.minEvents',
        name: 'Minimum events',
        category: ['Alerting'],
        description: 'Low-traffic guard: a tier fires only when its long window holds at least this many events.',
        defaultValue: defaults.alerting.minEvents,
        settings: { min: 0, integer: true },
        showIf: isOneSlo,
      })
      .addTextInput({
        path: 'sloUid',
        name: 'SLO',
        category: ['Nines app'],
        description: 'Set by the Nines app for its SLOs; the panel links to the SLO page.',
        defaultValue: defaults.sloUid,
        showIf: isOneSlo,
      })
  );
