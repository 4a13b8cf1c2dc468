/**
 * JSON parsed as its text arrives, in pieces no bigger than a batch of array elements, so that a
 * big answer never needs one long `JSON.parse` (at Europe's scale the Partnerships grid's answer
 * is 16 million characters: one parse of ~200 ms, plus ~90 ms to join its parts into one string).
 *
 * Objects are taken apart here (their keys read one by one, at any depth); every array's elements
 * are parsed by `JSON.parse` in batches of about `BATCH_CHARS` characters, when a batch is
 * complete. So the rows of `{ ok, value: { fields, rows: [[…], […], …] } }` are parsed a batch at a
 * time as they arrive, and the text already parsed is dropped. The value is the one `JSON.parse`
 * gives for the whole text, and a text `JSON.parse` refuses throws a `SyntaxError` here too
 * (a key `__proto__` stays an own property, as there).
 */

/** Characters of array elements parsed at once: a few milliseconds of `JSON.parse`. */
export const BATCH_CHARS = 1 << 18;

type ObjectFrame = { kind: 'object'; value: Record<string, unknown>; key: string | null };
type ArrayFrame = { kind: 'array'; value: unknown[] };
type Frame = ObjectFrame | ArrayFrame;

const State = {
  /** A value is expected (the root, an object's value). */
  Value: 0,
  /** After `{`: a key or `}`. */
  KeyOrEnd: 1,
  /** After `,` in an object: a key. */
  Key: 2,
  /** Inside a key's string. */
  KeyText: 3,
  /** After a key: `:`. */
  Colon: 4,
  /** After an object's value: `,` or `}`. */
  ObjectNext: 5,
  /** Inside an array: its elements' text up to `]`. */
  Elements: 6,
  /** Inside a number, `true`, `false` or `null`. */
  Bare: 7,
  /** Inside a string value (an object's, or the root). */
  StringValue: 8,
  /** The root value is complete: only white space may follow. */
  Done: 9,
} as const;
type State = (typeof State)[keyof typeof State];

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/** `slashAt` when the buffer has no backslash after the last search. */
const NONE = -1;

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** Whether a text is white space only (it stops at the first other character: no copy of a batch). */
const isBlank = (text: string) => {
  for (let i = 0; i < text.length; i += 1) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
};

const syntaxError = (what: string) => new SyntaxError(`JSON: ${what}`);

export class JsonPieces {
  private buffer = '';
  /** Where reading goes on in `buffer`. */
  private pos = 0;
  /** Where the text in progress (a key, a bare value, a batch of elements) starts in `buffer`. */
  private start = 0;
  private state: State = State.Value;
  private readonly stack: Frame[] = [];
  private root: unknown = undefined;
  // Scanning a string (a key, a string value, or inside array elements).
  private inString = false;
  private escaped = false;
  /** Brackets and braces open inside the current array element. */
  private depth = 0;
  /** A comma ended the last batch: the next must hold an element. */
  private afterComma = false;
  /** The text of the current array's elements read in earlier pieces and not parsed yet. */
  private batch: string[] = [];
  private batchChars = 0;
  /** Where the next backslash is in `buffer` (`NONE`: none after the last search). */
  private slashAt = -2;

  /** Reads the next piece of the text. */
  push(text: string): void {
    this.buffer = this.pos === this.buffer.length && this.start === this.pos ? text : this.buffer + text;
    this.slashAt = -2;
    this.run();
    // The elements read so far wait in `batch` (not in the buffer, which then starts afresh with
    // the next piece: small pieces cost no copying of the batch).
    if (this.state === State.Elements && this.start < this.pos) {
      this.batch.push(this.buffer.slice(this.start, this.pos));
      this.batchChars += this.pos - this.start;
      this.start = this.pos;
    }
    // Drop what was read: only the text in progress is kept.
    const keep = Math.min(this.start, this.pos);
    if (keep > 0) {
      this.buffer = this.buffer.slice(keep);
      this.pos -= keep;
      this.start -= keep;
    }
  }

  /** The value, once the whole text was pushed; throws when the text was not one JSON value. */
  end(): unknown {
    // A number at the very end of the text has no delimiter after it.
    if (this.state === State.Bare) this.finishValue(this.parse(this.buffer.slice(this.start, this.pos)));
    if (this.state !== State.Done) throw syntaxError('unexpected end of the text');
    return this.root;
  }

  private parse(text: string): unknown {
    return JSON.parse(text) as unknown;
  }

  /** Skips white space; false when the buffer ended. */
  private skipSpace(): boolean {
    const { buffer } = this;
    while (this.pos < buffer.length && isSpace(buffer.charCodeAt(this.pos))) this.pos += 1;
    this.start = this.pos;
    return this.pos < buffer.length;
  }

  /** Moves `pos` past the string's closing quote; false when the buffer ended first. */
  private scanString(): boolean {
    const { buffer } = this;
    const length = buffer.length;
    let i = this.pos;
    if (this.escaped) {
      if (i >= length) return false;
      this.escaped = false;
      i += 1;
    }
    for (;;) {
      const quote = buffer.indexOf('"', i);
      // The next backslash is looked for again only once it was passed (one search per buffer
      // when there is none, not one per string).
      if (this.slashAt !== NONE && this.slashAt < i) this.slashAt = buffer.indexOf('\\', i);
      const slash = this.slashAt;
      if (slash >= 0 && (quote < 0 || slash < quote)) {
        if (slash + 1 >= length) {
          this.escaped = true;
          this.pos = length;
          return false;
        }
        i = slash + 2;
        continue;
      }
      if (quote < 0) {
        this.pos = length;
        return false;
      }
      this.pos = quote + 1;
      this.inString = false;
      return true;
    }
  }

  /** A value is complete: it goes into its object or array, or becomes the root. */
  private finishValue(value: unknown): void {
    const frame = this.stack[this.stack.length - 1];
    if (!frame) {
      this.root = value;
      this.state = State.Done;
    } else if (frame.kind === 'object') {
      const key = frame.key ?? '';
      if (key === '__proto__')
        Object.defineProperty(frame.value, key, { value, enumerable: true, writable: true, configurable: true });
      else frame.value[key] = value;
      frame.key = null;
      this.state = State.ObjectNext;
    } else {
      throw syntaxError('a value inside an array');
    }
    this.start = this.pos;
  }

  /** Parses the array elements read since the last batch (`start` to `end`) into the array. */
  private flushElements(array: unknown[], end: number, last: boolean): void {
    const rest = this.buffer.slice(this.start, end);
    const pieces = this.batch;
    this.batch = [];
    this.batchChars = 0;
    if (isBlank(rest) && pieces.every(isBlank)) {
      if (this.afterComma || !last) throw syntaxError('an empty array element');
      return;
    }
    // One flat string (`join` copies once; `+` would make a rope that is copied again when read).
    pieces.unshift('[');
    pieces.push(rest, ']');
    const parsed = this.parse(pieces.join('')) as unknown[];
    for (const element of parsed) array.push(element);
  }

  private run(): void {
    const { buffer } = this;
    const length = buffer.length;
    while (this.pos < length) {
      switch (this.state) {
        case State.Value: {
          if (!this.skipSpace()) return;
          const c = buffer.charCodeAt(this.pos);
          if (c === OPEN_BRACE) {
            this.stack.push({ kind: 'object', value: {}, key: null });
            this.pos += 1;
            this.state = State.KeyOrEnd;
          } else if (c === OPEN_BRACKET) {
            this.stack.push({ kind: 'array', value: [] });
            this.pos += 1;
            this.start = this.pos;
            this.depth = 0;
            this.afterComma = false;
            this.inString = false;
            this.escaped = false;
            this.state = State.Elements;
          } else if (c === QUOTE) {
            this.pos += 1;
            this.inString = true;
            this.state = State.StringValue;
          } else {
            this.state = State.Bare;
          }
          break;
        }
        case State.StringValue: {
          if (!this.scanString()) return;
          this.finishValue(this.parse(buffer.slice(this.start, this.pos)));
          break;
        }
        case State.Bare: {
          let i = this.pos;
          while (i < length) {
            const c = buffer.charCodeAt(i);
            if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isSpace(c)) break;
            i += 1;
          }
          this.pos = i;
          if (i >= length) return;
          this.finishValue(this.parse(buffer.slice(this.start, i)));
          break;
        }
        case State.KeyOrEnd:
        case State.Key: {
          if (!this.skipSpace()) return;
          const c = buffer.charCodeAt(this.pos);
          if (c === CLOSE_BRACE && this.state === State.KeyOrEnd) {
            this.pos += 1;
            this.closeContainer();
          } else if (c === QUOTE) {
            this.pos += 1;
            this.inString = true;
            this.state = State.KeyText;
          } else {
            throw syntaxError(`unexpected character at ${String(this.pos)} where a key belongs`);
          }
          break;
        }
        case State.KeyText: {
          if (!this.scanString()) return;
          const frame = this.stack[this.stack.length - 1] as ObjectFrame;
          frame.key = this.parse(buffer.slice(this.start, this.pos)) as string;
          this.state = State.Colon;
          break;
        }
        case State.Colon: {
          if (!this.skipSpace()) return;
          if (buffer.charCodeAt(this.pos) !== COLON) throw syntaxError('a colon expected after a key');
          this.pos += 1;
          this.state = State.Value;
          break;
        }
        case State.ObjectNext: {
          if (!this.skipSpace()) return;
          const c = buffer.charCodeAt(this.pos);
          this.pos += 1;
          if (c === COMMA) this.state = State.Key;
          else if (c === CLOSE_BRACE) this.closeContainer();
          else throw syntaxError('a comma or a closing brace expected in an object');
          break;
        }
        case State.Elements: {
          if (this.scanElements()) break;
          return;
        }
        case State.Done: {
          if (this.skipSpace()) throw syntaxError('text after the value');
          return;
        }
      }
    }
  }

  /** Reads array elements; true when the array closed (the loop goes on), false at the buffer's end. */
  private scanElements(): boolean {
    const { buffer } = this;
    const length = buffer.length;
    const array = (this.stack[this.stack.length - 1] as ArrayFrame).value;
    // One character at a time, in locals: most strings in a row are a few characters long, where
    // this is faster than an `indexOf` per string.
    let i = this.pos;
    let inString = this.inString;
    let escaped = this.escaped;
    let depth = this.depth;
    for (; i < length; i += 1) {
      const c = buffer.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) inString = false;
      } else if (c === QUOTE) {
        inString = true;
      } else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
        depth += 1;
      } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
        if (depth > 0) {
          depth -= 1;
        } else if (c === CLOSE_BRACE) {
          throw syntaxError('a closing brace inside an array');
        } else {
          this.depth = depth;
          this.flushElements(array, i, true);
          this.pos = i + 1;
          this.closeContainer();
          return true;
        }
      } else if (c === COMMA && depth === 0 && this.batchChars + i - this.start >= BATCH_CHARS) {
        this.flushElements(array, i, false);
        this.start = i + 1;
        this.afterComma = true;
      }
    }
    // (No closure writes these back: locals a closure captured would live on the heap, and the
    // loop would run several times slower.)
    this.pos = i;
    this.inString = inString;
    this.escaped = escaped;
    this.depth = depth;
    return false;
  }

  /** An object or array closed: it is a value of its parent. */
  private closeContainer(): void {
    const frame = this.stack.pop();
    if (!frame) throw syntaxError('a closing bracket without an opening one');
    const parent = this.stack[this.stack.length - 1];
    if (parent?.kind === 'array') throw syntaxError('a container inside an array element');
    this.finishValue(frame.value);
  }
}
