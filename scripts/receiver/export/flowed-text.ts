// Plain text as an e-mail body can carry it: RFC 5322 §2.1.1 (lines of at most 78 characters,
// CRLF line ends) with RFC 3676 format=flowed; delsp=yes, so a long line is broken into
// physical lines a mail reader joins back into the original, even where the text has no space
// to break at (Japanese). Lengths are counted in UTF-8 octets, the stricter reading for a
// UTF-8 body, and a break never splits a user-perceived character. Text from strangers is made
// safe first: control characters and bidirectional overrides (which could make a line read
// differently than it is) become U+FFFD.

export const FLOWED_CONTENT_TYPE = 'text/plain; charset=utf-8; format=flowed; delsp=yes';
const MAX_OCTETS = 78;

const UNSAFE = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu;

/** Text of one or more lines, with every unsafe character replaced and line ends as "\n". */
export function safeText(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(UNSAFE, (c) => (c === '\n' ? c : '\uFFFD'));
}

/** Text for one line: safe, with every line break a space. */
export function oneLine(text: string): string {
  return safeText(text).replace(/\n/g, ' ');
}

const octets = (text: string) => Buffer.byteLength(text, 'utf8');
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** A physical line that a reader would take for quoted or space-stuffed text is stuffed (RFC 3676 §4.4). */
const stuff = (line: string) => (/^(?: |>|From )/.test(line) ? ` ${line}` : line);

/** Graphemes, but one too long for a line of its own (hundreds of combining marks) by code point. */
function* units(text: string, room: number): Generator<string> {
  for (const { segment } of segmenter.segment(text)) {
    if (octets(segment) <= room) yield segment;
    else yield* segment;
  }
}

/**
 * One logical line as physical lines: each but the last ends in the one space a flowed reader
 * deletes (delsp=yes) when it joins them. `prefix` (a quote mark, "> ") starts every line.
 */
function wrap(line: string, prefix: string): string[] {
  const text = line.replace(/ +$/, ''); // a hard line break must not end in a space (§4.2)
  const lines: string[] = [];
  let current = '';
  let lastSpace = -1; // where in `current` a break after a space would go
  // An empty quoted line is ">" alone: "> " would end in a space and read as flowed.
  const start = (chunk: string) => (prefix === '' ? stuff(chunk) : chunk === '' ? prefix.trim() : prefix + chunk);
  for (const segment of units(text, MAX_OCTETS - 1 - octets(prefix) - 1)) {
    if (current !== '' && octets(start(current + segment)) > MAX_OCTETS - 1) {
      // Break after the last space when there is one not too far back, else right here.
      const cut = lastSpace > current.length / 2 ? lastSpace : current.length;
      lines.push(`${start(current.slice(0, cut))} `);
      current = current.slice(cut);
      lastSpace = -1;
    }
    current += segment;
    if (segment === ' ') lastSpace = current.length;
  }
  lines.push(start(current));
  return lines;
}

/** Builds a flowed body from logical lines; a `quote` line is shown as quoted ("> "). */
export class FlowedText {
  private readonly lines: string[] = [];

  line(text = ''): this {
    this.lines.push(...wrap(oneLine(text), ''));
    return this;
  }

  /** Every line of `text`, quoted: how a mail shows a block someone else wrote. */
  quote(text: string): this {
    for (const line of safeText(text).split('\n')) this.lines.push(...wrap(line, '> '));
    return this;
  }

  toString(): string {
    return this.lines.map((line) => `${line}\r\n`).join('');
  }
}
