/** Helpers for the SLI step's tests: a page that keeps the SLO the step edits, and hourly frames. */
import React, { useState } from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { FieldType, toDataFrame, type DataQueryRequest, type DataQueryResponse } from '@grafana/data';
import type { Sli, SloSpec, SpecError } from '../../../spec/types';
import { SliStep } from '../SliStep';

/**
 * Renders the step as the editor does: every change of the SLI goes back into the SLO it shows.
 * Resolves once the datasource's frontend has loaded.
 */
export async function renderSliStep(initial: SloSpec, errors: SpecError[] = []) {
  const onChange = jest.fn<void, [Sli]>();
  function Editor() {
    const [slo, setSlo] = useState(initial);
    return (
      <SliStep
        slo={slo}
        errors={errors}
        onChange={(sli) => {
          onChange(sli);
          setSlo((current) => ({ ...current, sli }));
        }}
      />
    );
  }
  await act(async () => {
    render(<Editor />);
  });
  return { onChange, lastSli: () => onChange.mock.calls[onChange.mock.calls.length - 1]?.[0] };
}

export function type(element: HTMLElement, value: string): void {
  fireEvent.change(element, { target: { value } });
}

/** Clicks the option labelled `label` of the radio group with test id `testId`. */
export function choose(testId: string, label: string): void {
  fireEvent.click(within(screen.getByTestId(testId)).getByLabelText(label));
}

const HOUR = 3_600_000;

/**
 * A datasource answer of hourly counts per interval up to the end of the request's range: `total`
 * events an hour of which `bad` are bad, the event query first (good or bad, per its refId), then the total.
 */
export function hourlyCounts(
  total: number,
  bad: number,
  /** Samples only for the last this many hours; default the whole range. */
  lastHours?: number
): (request: DataQueryRequest) => DataQueryResponse {
  return (request) => {
    const to = request.range.to.valueOf();
    const hours = lastHours ?? Math.round((to - request.range.from.valueOf()) / HOUR);
    const times = Array.from({ length: hours }, (_, index) => to - (hours - 1 - index) * HOUR);
    const frame = (refId: string, value: number) =>
      toDataFrame({
        refId,
        fields: [
          { name: 'Time', type: FieldType.time, values: times },
          { name: 'Value', type: FieldType.number, values: times.map(() => value) },
        ],
      });
    const [event, totalQuery] = request.targets;
    return {
      data: [frame(event.refId, event.refId === 'bad' ? bad : total - bad), frame(totalQuery.refId, total)],
    };
  };
}
