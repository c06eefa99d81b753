/** The CLI's help texts and exit codes. */

export const EXIT = {
  ok: 0,
  /** Bad arguments, unreadable or invalid files, an SLO that cannot be evaluated or has no rules, a rejected query. */
  badInput: 1,
  /** No answer from a Prometheus API: connection refused, unknown host, timeout, server error. */
  unreachable: 2,
  /** An exception escaped: a bug (EX_SOFTWARE of sysexits.h). */
  bug: 70,
} as const;

const EXIT_CODES = `Exit codes:
  0  success
  1  bad input: arguments, unreadable or invalid files, an SLO that cannot be
     evaluated or has no rules, or a query Prometheus rejected
  2  Prometheus unreachable: connection refused, unknown host, timeout, a server
     error (5xx), or a URL that does not answer as Prometheus' HTTP API
  70 a bug in nines (the message has the stack trace)`;

const DATASOURCE = `  --datasource UID    Grafana datasource uid for files that name none (Sloth files,
                      OpenSLO files without metricSourceRef); default: prometheus`;

export const USAGE = `Usage: nines <command> [options]

SLOs as code: check OpenSLO v1 and Sloth files, and evaluate them against
Prometheus with the same engine as the Nines Grafana app.

Commands:
  validate FILE...              check SLO files; one line per SLO
  eval FILE... --prometheus URL evaluate SLOs from Prometheus' raw counters
  rules FILE... [-o PATH]       Prometheus recording and alert rules of the SLOs

Run 'nines <command> --help' for a command's options.

${EXIT_CODES}
`;

export const VALIDATE_USAGE = `Usage: nines validate [--datasource UID] FILE...

Reads each FILE as OpenSLO v1 (apiVersion: openslo/v1) or Sloth (version:
prometheus/v1), told apart by content, and prints every problem as
  FILE: [document N: ]PATH: MESSAGE
where N counts the file's objects from 1 (YAML documents, or items of a list).
A valid file prints one line per SLO. Sloth queries that were imported
differently than written are noted on stderr.

Options:
${DATASOURCE}
  -h, --help          this help

${EXIT_CODES}
`;

export const EVAL_USAGE = `Usage: nines eval FILE... --prometheus URL [--at TIME] [--step DURATION] [--json]

Evaluates every SLO of the files at TIME: SLI, good/bad/total events, error
budget, burn rates per window and alert tiers. Reads the SLI's raw counters from
/api/v1/query_range over the SLO window and what the alert tiers look back, at
the scrape step, in chunks of at most 11,000 points per series; the engine sums
the series after finding each counter's resets, so counts are exact. Query
builder SLIs work, and raw Prometheus queries that are plain selectors.

Options:
  --prometheus URL    Prometheus base URL, e.g. http://localhost:9090 (required)
  --at TIME           end of the evaluation: ISO time, epoch seconds or
                      milliseconds, or now (default)
  --step DURATION     query step, your scrape interval: 60s, 1m, or seconds
                      (default 60s); a larger step reads fewer points, but
                      misses events at counter resets and blurs short windows
  --json              print the evaluations as JSON
${DATASOURCE}
  -h, --help          this help

Progress goes to stderr when an SLO takes several chunks.

${EXIT_CODES}
`;

export const RULES_USAGE = `Usage: nines rules FILE... [-o FILE] [--per slo|service -o DIR] [--grafana-url URL]

Generates the Prometheus recording rules and multiwindow burn-rate alert rules
of every SLO in the files, the same rules as the Nines app. Without --per, all
SLOs go into one rule file, printed or written to -o FILE. SLOs that have no
Prometheus rules (raw queries) are named on stderr and exit code 1, after the
other SLOs' rules were written.

Options:
  -o, --output PATH   the rule file, or with --per the directory of the files
  --per slo|service   one rule file per SLO, or per service
                      (nines-slo-<uid>.rules.yml, nines-service-<name>.rules.yml)
  --grafana-url URL   Grafana's root URL, for absolute links to the SLO pages in
                      the alerts' annotations (default: links are paths)
${DATASOURCE}
  -h, --help          this help

Check the output with: promtool check rules FILE

${EXIT_CODES}
`;
