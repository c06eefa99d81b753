import {
  booleanOverrideProcessor,
  dataLinksOverrideProcessor,
  displayNameOverrideProcessor,
  FieldConfigProperty,
  FieldType,
  identityOverrideProcessor,
  numberOverrideProcessor,
  standardEditorsRegistry,
  standardFieldConfigEditorRegistry,
  stringOverrideProcessor,
  ThresholdsMode,
  thresholdsOverrideProcessor,
  valueMappingsOverrideProcessor,
  type Field,
  type FieldConfigPropertyItem,
  type StandardEditorProps,
  type StandardEditorsRegistryItem,
} from '@grafana/data';

/**
 * Grafana core fills two registries at start-up that @grafana/data only declares: the option
 * editors (`addNumberInput` & co. look theirs up, so a plugin's option builder throws without
 * them) and the standard field options (unit, min, max, thresholds...: the defaults and override
 * processors that getPanelOptionsWithDefaults and applyFieldOverrides use). The host has no
 * panel editor, so the editors draw nothing; ids, defaults and processors are Grafana's.
 */

function NoEditor(_props: StandardEditorProps<unknown>) {
  return null;
}

const editorIds = [
  'text',
  'number',
  'slider',
  'boolean',
  'radio',
  'select',
  'unit',
  'links',
  'actions',
  'stats-picker',
  'strings',
  'timezone',
  'fieldColor',
  'color',
  'multi-select',
  'field-name',
  'dashboard-uid',
  'mappings',
  'thresholds',
];

const editors: StandardEditorsRegistryItem[] = editorIds.map((id) => ({
  id,
  name: id,
  description: 'Option editor (not drawn in the test host)',
  editor: NoEditor,
}));

const isNumber = (field: Field) => field.type === FieldType.number;
const always = () => true;

function standardFieldConfigs(): FieldConfigPropertyItem[] {
  const category = ['Standard options'];
  const item = (
    id: FieldConfigProperty,
    process: FieldConfigPropertyItem['process'],
    extra: Partial<FieldConfigPropertyItem> = {}
  ): FieldConfigPropertyItem => ({
    id,
    path: id,
    name: id,
    editor: NoEditor,
    override: NoEditor,
    process,
    shouldApply: always,
    category,
    ...extra,
  });

  return [
    item(FieldConfigProperty.Unit, stringOverrideProcessor),
    item(FieldConfigProperty.Min, numberOverrideProcessor, { shouldApply: isNumber }),
    item(FieldConfigProperty.Max, numberOverrideProcessor, { shouldApply: isNumber }),
    item(FieldConfigProperty.FieldMinMax, booleanOverrideProcessor, { shouldApply: isNumber }),
    item(FieldConfigProperty.Decimals, numberOverrideProcessor, { shouldApply: isNumber }),
    item(FieldConfigProperty.DisplayName, displayNameOverrideProcessor),
    item(FieldConfigProperty.Color, identityOverrideProcessor, {
      settings: { byValueSupport: true, preferThresholdsMode: true },
    }),
    item(FieldConfigProperty.NoValue, stringOverrideProcessor),
    item(FieldConfigProperty.Links, dataLinksOverrideProcessor, { category: ['Data links'] }),
    item(FieldConfigProperty.Actions, identityOverrideProcessor, { category: ['Actions'] }),
    item(FieldConfigProperty.Mappings, valueMappingsOverrideProcessor, {
      defaultValue: [],
      shouldApply: (field: Field) => field.type !== FieldType.time,
      category: ['Value mappings'],
    }),
    item(FieldConfigProperty.Thresholds, thresholdsOverrideProcessor, {
      defaultValue: {
        mode: ThresholdsMode.Absolute,
        steps: [
          { value: -Infinity, color: 'green' },
          { value: 80, color: 'red' },
        ],
      },
      category: ['Thresholds'],
    }),
    item(FieldConfigProperty.Filterable, booleanOverrideProcessor, { hideFromDefaults: true }),
  ];
}

export function initOptionRegistries(): void {
  standardEditorsRegistry.setInit(() => editors);
  standardFieldConfigEditorRegistry.setInit(standardFieldConfigs);
}
