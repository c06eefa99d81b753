/**
 * Reads a plain PromQL vector selector (`metric{a="x", b=~'y'}`) back into a metric and its
 * matchers, so that imported queries that are plain selectors become query builders again.
 * Anything else (functions, operators, `{__name__=...}` without a metric) is not a plain selector.
 */
import type { LabelMatcher, MatchOp } from '../spec/types';

export interface ParsedSelector {
  metric: string;
  matchers: LabelMatcher[];
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" };
const NAME_START = /[a-zA-Z_:]/;
const NAME_PART = /[a-zA-Z0-9_:]/;
const OPS: readonly MatchOp[] = ['=~', '!~', '!=', '='];

class Reader {
  position = 0;
  constructor(readonly text: string) {}

  skipSpace(): void {
    while (/\s/.test(this.text[this.position] ?? '')) {
      this.position++;
    }
  }

  peek(): string {
    return this.text[this.position] ?? '';
  }

  name(): string {
    const start = this.position;
    if (!NAME_START.test(this.peek())) {
      return '';
    }
    while (NAME_PART.test(this.peek())) {
      this.position++;
    }
    return this.text.slice(start, this.position);
  }

  op(): MatchOp | null {
    const op = OPS.find((candidate) => this.text.startsWith(candidate, this.position));
    if (op) {
      this.position += op.length;
    }
    return op ?? null;
  }

  /** A quoted string: "…" or '…' with escapes, or `…` raw. */
  string(): string | null {
    const quote = this.peek();
    if (quote !== '"' && quote !== "'" && quote !== '`') {
      return null;
    }
    this.position++;
    let value = '';
    while (this.position < this.text.length) {
      const char = this.text[this.position++];
      if (char === quote) {
        return value;
      }
      if (char === '\n' && quote !== '`') {
        return null;
      }
      if (char === '\\' && quote !== '`') {
        const escaped = ESCAPES[this.text[this.position++] ?? ''];
        if (escaped === undefined) {
          return null;
        }
        value += escaped;
      } else {
        value += char;
      }
    }
    return null;
  }
}

/** The metric and matchers of a plain selector, or null when the text is anything else. */
export function parseSelector(text: string): ParsedSelector | null {
  const reader = new Reader(text);
  reader.skipSpace();
  const metric = reader.name();
  if (metric === '') {
    return null;
  }
  reader.skipSpace();
  const matchers: LabelMatcher[] = [];
  if (reader.peek() === '{') {
    reader.position++;
    reader.skipSpace();
    while (reader.peek() !== '}') {
      const name = reader.name();
      reader.skipSpace();
      const op = reader.op();
      reader.skipSpace();
      const value = reader.string();
      if (name === '' || name.includes(':') || op === null || value === null) {
        return null;
      }
      matchers.push({ name, op, value });
      reader.skipSpace();
      if (reader.peek() === ',') {
        reader.position++;
        reader.skipSpace();
      } else if (reader.peek() !== '}') {
        return null;
      }
    }
    reader.position++;
    reader.skipSpace();
  }
  return reader.position === text.length ? { metric, matchers } : null;
}
