// A strict RFC 8259 JSON parser. JSON.parse silently keeps the last of two equal keys, so a
// bundle could show one value to a person reading the file and another to a program; this parser
// refuses duplicate keys (compared after unescaping), and bounds nesting depth.

export type StrictJsonResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

const MAX_DEPTH = 64;

class JsonSyntaxError extends Error {}

const isWs = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class Parser {
  private pos = 0;
  constructor(private readonly text: string) {}

  parseDocument(): unknown {
    const value = this.value(0);
    this.skipWs();
    if (this.pos !== this.text.length) this.fail('unexpected text after the JSON value');
    return value;
  }

  private fail(what: string): never {
    throw new JsonSyntaxError(`${what} at offset ${this.pos}`);
  }

  private skipWs(): void {
    while (this.pos < this.text.length && isWs(this.text.charCodeAt(this.pos))) this.pos += 1;
  }

  private literal(word: string, value: unknown): unknown {
    if (!this.text.startsWith(word, this.pos)) this.fail('invalid literal');
    this.pos += word.length;
    return value;
  }

  private value(depth: number): unknown {
    this.skipWs();
    if (depth > MAX_DEPTH) this.fail('nesting too deep');
    const c = this.text[this.pos];
    switch (c) {
      case '{':
        return this.object(depth);
      case '[':
        return this.array(depth);
      case '"':
        return this.string();
      case 't':
        return this.literal('true', true);
      case 'f':
        return this.literal('false', false);
      case 'n':
        return this.literal('null', null);
      default:
        if (c === '-' || (c !== undefined && isDigit(c.charCodeAt(0)))) return this.number();
        return this.fail(c === undefined ? 'unexpected end of input' : 'unexpected character');
    }
  }

  private number(): number {
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (m === null) this.fail('invalid number');
    this.pos += m[0].length;
    return Number(m[0]);
  }

  private string(): string {
    this.pos += 1; // opening quote
    let out = '';
    let start = this.pos;
    for (;;) {
      if (this.pos >= this.text.length) this.fail('unterminated string');
      const code = this.text.charCodeAt(this.pos);
      if (code === 0x22) {
        out += this.text.slice(start, this.pos);
        this.pos += 1;
        return out;
      }
      if (code < 0x20) this.fail('control character in string');
      if (code !== 0x5c) {
        this.pos += 1;
        continue;
      }
      out += this.text.slice(start, this.pos);
      const esc = this.text[this.pos + 1];
      if (esc === 'u') {
        const hex = this.text.slice(this.pos + 2, this.pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('invalid \\u escape');
        out += String.fromCharCode(parseInt(hex, 16));
        this.pos += 6;
      } else {
        const ch = esc === undefined ? undefined : ESCAPES[esc];
        if (ch === undefined) this.fail('invalid escape');
        out += ch;
        this.pos += 2;
      }
      start = this.pos;
    }
  }

  private array(depth: number): unknown[] {
    this.pos += 1;
    const out: unknown[] = [];
    this.skipWs();
    if (this.text[this.pos] === ']') {
      this.pos += 1;
      return out;
    }
    for (;;) {
      out.push(this.value(depth + 1));
      this.skipWs();
      const c = this.text[this.pos];
      this.pos += 1;
      if (c === ']') return out;
      if (c !== ',') this.fail('expected , or ]');
    }
  }

  private object(depth: number): Record<string, unknown> {
    this.pos += 1;
    const out: Record<string, unknown> = {};
    const seen = new Set<string>();
    this.skipWs();
    if (this.text[this.pos] === '}') {
      this.pos += 1;
      return out;
    }
    for (;;) {
      this.skipWs();
      if (this.text[this.pos] !== '"') this.fail('expected a key');
      const key = this.string();
      if (seen.has(key)) this.fail(`duplicate key ${JSON.stringify(key.slice(0, 40))}`);
      seen.add(key);
      this.skipWs();
      if (this.text[this.pos] !== ':') this.fail('expected :');
      this.pos += 1;
      // defineProperty: a key named "__proto__" stays an own data property, as with JSON.parse.
      Object.defineProperty(out, key, { value: this.value(depth + 1), enumerable: true, writable: true, configurable: true });
      this.skipWs();
      const c = this.text[this.pos];
      this.pos += 1;
      if (c === '}') return out;
      if (c !== ',') this.fail('expected , or }');
    }
  }
}

/** Parse `text` as one JSON value, refusing duplicate keys, over-deep nesting and trailing text. */
export const parseStrictJson = (text: string): StrictJsonResult => {
  try {
    return { ok: true, value: new Parser(text).parseDocument() };
  } catch (cause) {
    if (cause instanceof JsonSyntaxError) return { ok: false, reason: cause.message };
    if (cause instanceof RangeError) return { ok: false, reason: 'nesting too deep' };
    throw cause;
  }
};
