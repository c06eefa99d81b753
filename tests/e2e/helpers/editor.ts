/** Drives the SLO editor's steps as a user does: clicks and typing, no shortcuts into the page. */
import type { Locator, Page } from 'playwright-core';
import { testIds } from '../../../src/components/testIds';
import type { HostPage } from './host';

/** The option list of @grafana/ui's Select (the datasource picker). */
const SELECT_OPTION = 'data-testid Select option';

/** Picks an option of a @grafana/ui Combobox by its label. */
export async function chooseInCombobox(page: Page, input: Locator, label: string): Promise<void> {
  await input.click();
  await input.fill(label);
  await page.getByRole('option', { name: label, exact: true }).click();
}

/** Opens a step by its tab. */
export async function openStep(host: HostPage, step: string): Promise<void> {
  await host.byTestId(testIds.editor.step(step)).click();
  await host.byTestId(testIds.editor.stepContent(step)).waitFor();
}

/** Next, and waits for the next step's content. */
export async function next(host: HostPage, to: string): Promise<void> {
  await host.byTestId(testIds.editor.next).click();
  await host.byTestId(testIds.editor.stepContent(to)).waitFor();
}

/** The text box of a step's field by its spec path, e.g. `objective.target`, `name`. */
export function fieldInput(host: HostPage, path: string): Locator {
  return host.byTestId(testIds.editor.field(path)).locator('input, textarea').first();
}

export async function pickDatasource(host: HostPage, name: string): Promise<void> {
  await host.byTestId(testIds.sliStep.datasource).getByRole('combobox').click();
  await host.page.getByTestId(SELECT_OPTION).filter({ hasText: name }).click();
}

/** One label matcher row of the ratio builder: `list` is `Matcher` (all events) or `Condition`. */
export async function addMatcher(
  host: HostPage,
  list: 'matchers' | 'eventMatchers',
  matcher: { name: string; op: string; value: string }
): Promise<void> {
  const rowName = list === 'matchers' ? 'Matcher' : 'Condition';
  const rows = host.byTestId(testIds.sliStep.matchers(list));
  const index = (await rows.getByLabel(/^(Matcher|Condition) \d+ label$/).count()) + 1;
  await host.byTestId(testIds.sliStep.addMatcher(list)).click();
  await host.page.getByLabel(`${rowName} ${index} label`, { exact: true }).fill(matcher.name);
  await host.page
    .getByRole('radiogroup', { name: `${rowName} ${index} operator` })
    .getByRole('radio', { name: matcher.op, exact: true })
    .check();
  await host.page.getByLabel(`${rowName} ${index} value`, { exact: true }).fill(matcher.value);
}

/** A ratio SLI of the demo's request counter: all checkout requests, good when not 5xx. */
export async function buildCheckoutRatio(host: HostPage): Promise<void> {
  await pickDatasource(host, 'Prometheus');
  await host.byTestId(testIds.sliStep.mode).getByRole('radio', { name: 'Ratio', exact: true }).check();
  await host.byTestId(testIds.sliStep.metric).fill('nines_demo_http_requests_total');
  await addMatcher(host, 'matchers', { name: 'service', op: '=', value: 'checkout' });
  await addMatcher(host, 'eventMatchers', { name: 'code', op: '!~', value: '5..' });
  await host.byTestId(testIds.sliStep.eventKind).getByRole('radio', { name: 'Good', exact: true }).check();
}

export interface Details {
  name: string;
  service: string;
  team: string;
  label: [string, string];
  runbookUrl: string;
  /** The folder's title. */
  folder: string;
}

export async function fillDetails(host: HostPage, details: Details): Promise<void> {
  await fieldInput(host, 'name').fill(details.name);
  await fieldInput(host, 'service').fill(details.service);
  await fieldInput(host, 'team').fill(details.team);
  await host.byTestId(testIds.editor.addLabel).click();
  await host.page.getByLabel('Label 1 name', { exact: true }).fill(details.label[0]);
  await host.page.getByLabel('Label 1 value', { exact: true }).fill(details.label[1]);
  await fieldInput(host, 'runbookUrl').fill(details.runbookUrl);
  await chooseInCombobox(host.page, fieldInput(host, 'folderUid'), details.folder);
}

/** The preview's figures once its queries answered: the SLI text and the event counts by name. */
export async function previewFigures(host: HostPage): Promise<{ sli: string; events: Record<string, string> }> {
  const preview = host.byTestId(testIds.sliStep.preview.container);
  const sli = preview.getByTestId(testIds.sliStep.preview.sli);
  await sli.waitFor();
  const events = preview.getByTestId(testIds.sliStep.preview.events);
  const terms = await events.locator('dt').allTextContents();
  const values = await events.locator('dd').allTextContents();
  return {
    sli: (await sli.textContent()) ?? '',
    events: Object.fromEntries(terms.map((term, index) => [term, values[index]])),
  };
}
