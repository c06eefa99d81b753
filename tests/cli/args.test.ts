/**
 * @jest-environment node
 */
import type { FetchLike } from '../../src/cli/prometheusApi';
import { EVAL_USAGE, USAGE, VALIDATE_USAGE } from '../../src/cli/usage';
import { runCli } from './cliHarness';

const INLINE = 'tests/fixtures/openslo/inline-sli.yaml';
const TIMESLICES = 'tests/fixtures/openslo/timeslices.yaml';

/** A fetch that fails the test: these runs must stop before asking Prometheus. */
const noFetch: FetchLike = (url) => Promise.reject(new Error(`unexpected request to ${url}`));

const usageError = (command: string, message: string) =>
  `nines ${command}: ${message}\nRun 'nines ${command} --help' for usage.\n`;

describe('nines arguments', () => {
  it('prints the usage with the exit codes on --help, and each command its own', async () => {
    for (const [argv, usage] of [
      [['--help'], USAGE],
      [['-h'], USAGE],
      [['validate', '--help'], VALIDATE_USAGE],
      [['eval', '-h'], EVAL_USAGE],
    ] as const) {
      const run = await runCli([...argv]);
      expect(run).toEqual({ code: 0, stdout: usage, stderr: '' });
    }
    expect(USAGE).toContain('2  Prometheus unreachable');
    expect(EVAL_USAGE).toContain('1  bad input');
  });

  it('exits 1 with the usage for no command or an unknown one', async () => {
    expect(await runCli([])).toEqual({ code: 1, stdout: '', stderr: `nines: give a command\n\n${USAGE}` });
    expect(await runCli(['evaluate'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `nines: unknown command "evaluate"\n\n${USAGE}`,
    });
    expect((await runCli(['toString'])).stderr).toMatch(/^nines: unknown command "toString"/);
  });

  it('names the option that is wrong', async () => {
    const cases: Array<[string[], string, string]> = [
      [['validate', '--strict', INLINE], 'validate', "Unknown option '--strict'"],
      [['eval', INLINE], 'eval', '--prometheus URL is required, e.g. --prometheus http://localhost:9090'],
      [
        ['eval', '--prometheus', 'localhost:9090', INLINE],
        'eval',
        '--prometheus: must be an http or https URL, got localhost:9090',
      ],
      [['eval', '--prometheus', 'http://', INLINE], 'eval', '--prometheus: not a URL: http://'],
      [['eval', '--prometheus', 'http://p:9090'], 'eval', 'give one or more SLO files'],
      [
        ['eval', '--prometheus', 'http://p:9090', '--at', 'yesterday', INLINE],
        'eval',
        '--at: not an ISO time, epoch seconds or milliseconds, or now: yesterday',
      ],
      [
        ['eval', '--prometheus', 'http://p:9090', '--step', '1.5s', INLINE],
        'eval',
        '--step: must be whole seconds, like 60s, 1m or 60, got 1.5s',
      ],
    ];
    for (const [argv, command, message] of cases) {
      const run = await runCli(argv, { fetch: noFetch });
      expect([argv, run]).toEqual([argv, { code: 1, stdout: '', stderr: usageError(command, message) }]);
    }
    const missingValue = await runCli(['eval', INLINE, '--prometheus'], { fetch: noFetch });
    expect(missingValue.code).toBe(1);
    expect(missingValue.stderr).toMatch(/^nines eval: Option '--prometheus <value>' argument missing/);
  });

  it('reports bad files as validate does before asking Prometheus', async () => {
    const run = await runCli(['eval', 'tests/fixtures/openslo/bad-file.yaml', '--prometheus', 'http://p:9090'], {
      fetch: noFetch,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const validate = await runCli(['validate', 'tests/fixtures/openslo/bad-file.yaml']);
    expect(run.stderr).toBe(validate.stdout);
  });

  it('names the SLO whose raw queries it cannot read, and still evaluates the others', async () => {
    const asked: string[] = [];
    const emptyMatrix: FetchLike = async (url) => {
      asked.push(new URL(url).searchParams.get('query') ?? '');
      return {
        ok: true,
        status: 200,
        statusText: 'OK',
        text: async () => JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [] } }),
      };
    };
    const run = await runCli(['eval', TIMESLICES, INLINE, '--prometheus', 'http://p:9090', '--at', '1700000000'], {
      fetch: emptyMatrix,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${TIMESLICES}: api-uptime: sli: the good query "sum(increase(http_requests_total{job=\\"api\\",code!~\\"5..\\"}[1m]))" ` +
        'is not a plain selector: nines eval reads raw counters'
    );
    expect(run.stderr).toContain(
      `${INLINE}: web-availability: no series match the total query http_requests_total{job="web"} in the range read\n`
    );
    expect(new Set(asked)).toEqual(
      new Set(['http_requests_total{job="web",code!~"5.."}', 'http_requests_total{job="web"}'])
    );
    expect(run.stdout).toMatch(/^web-availability "Web availability" \(service web\) at 2023-11-14T22:13:20.000Z\n/);
    expect(run.stdout).toContain('  SLI           n/a\n');
  });
});
