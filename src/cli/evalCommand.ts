/** `nines eval FILE... --prometheus URL`: each SLO evaluated from Prometheus' raw counters. */
import type { SloSpec } from '../spec';
import { DEFAULT_DATASOURCE, httpUrl, parse, readSloFiles, UsageError, type CliIo } from './command';
import { evaluateAgainstPrometheus, type Evaluated } from './evaluateAgainst';
import { formatEvaluation } from './report';
import { formatProblem } from './sloFiles';
import { parseStep, parseTime } from './time';
import { EVAL_USAGE, EXIT } from './usage';

const DEFAULT_STEP = '60s';

interface EvaluatedSlo {
  file: string;
  slo: SloSpec;
  result: Evaluated;
}

function jsonOf(evaluated: EvaluatedSlo[]): string {
  return `${JSON.stringify(
    evaluated.map(({ file, slo, result }) => ({
      file,
      uid: slo.uid,
      name: slo.name,
      service: slo.service,
      queries: result.queries,
      range: result.range,
      series: result.series,
      evaluation: result.evaluation,
    }))
  )}\n`;
}

export async function evaluate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    prometheus: { type: 'string' },
    at: { type: 'string' },
    step: { type: 'string', default: DEFAULT_STEP },
    json: { type: 'boolean' },
    datasource: { type: 'string', default: DEFAULT_DATASOURCE },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(EVAL_USAGE);
    return EXIT.ok;
  }
  if (positionals.length === 0) {
    throw new UsageError('give one or more SLO files');
  }
  if (values.prometheus === undefined) {
    throw new UsageError('--prometheus URL is required, e.g. --prometheus http://localhost:9090');
  }
  const url = httpUrl('--prometheus', values.prometheus);
  const at = values.at === undefined ? io.now() : parseTime(values.at, io.now());
  if (at === null) {
    throw new UsageError(`--at: not an ISO time, epoch seconds or milliseconds, or now: ${values.at}`);
  }
  const step = parseStep(values.step);
  if (step === null) {
    throw new UsageError(`--step: must be whole seconds, like 60s, 1m or 60, got ${values.step}`);
  }

  const files = await readSloFiles(positionals, values.datasource, io);
  const problems = files.flatMap((file) => file.errors);
  if (problems.length > 0) {
    io.stderr(problems.map((problem) => `${formatProblem(problem)}\n`).join(''));
    return EXIT.badInput;
  }

  const evaluated: EvaluatedSlo[] = [];
  let failures = 0;
  for (const file of files) {
    for (const slo of file.slos) {
      const result = await evaluateAgainstPrometheus({
        slo,
        at,
        step,
        prometheusUrl: url,
        fetch: io.fetch,
        progress: (done, total) => {
          if (total > 1) {
            io.stderr(`fetching ${slo.uid}: ${done}/${total} chunks\n`);
          }
        },
        warn: (message) => io.stderr(`${file.file}: ${slo.uid}: ${message}\n`),
      });
      if (!result.ok) {
        io.stderr(`${file.file}: ${slo.uid}: ${result.message}\n`);
        if (result.unreachable) {
          // Every other SLO would fail the same way.
          return EXIT.unreachable;
        }
        failures++;
        continue;
      }
      evaluated.push({ file: file.file, slo, result });
      if (!values.json) {
        io.stdout(`${formatEvaluation(slo, result)}\n\n`);
      }
    }
  }
  if (values.json) {
    io.stdout(jsonOf(evaluated));
  }
  return failures > 0 ? EXIT.badInput : EXIT.ok;
}
