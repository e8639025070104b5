/**
 * A command's syntax line, as the Redis docs print it, parsed into an argument
 * tree shaped like Redis's own command arguments (COMMAND DOCS):
 *
 *   'key value [NX | XX] [GET] [EX seconds | PX milliseconds | KEEPTTL]'
 *     → key (key), value (string), nx_xx (oneof, optional: nx, xx), get (pure-token, optional),
 *       ex_px_keepttl (oneof, optional: seconds token EX, milliseconds token PX, keepttl)
 *
 * Notation: UPPER-CASE words (and punctuation such as `*`, `=`, `~`, `""`) are
 * literal tokens, other words name a value; `[…]` is optional, `<…>` groups
 * required alternatives, `a | b` are alternatives, and `x [x ...]` repeats x.
 * A token followed by a value binds to it (`EX seconds`), or to a group of
 * alternatives (`TYPE <NORMAL | PUBSUB>`), or to a run of values (`LIMIT offset count`).
 *
 * The docs do not print value types or the names Redis gives to groups, so
 * those are inferred: types from the value's name (`argType`), group names
 * from their members. COMMAND DOCS, the client's typings and the playground's
 * hints all read this tree; `formatSyntax` prints it back.
 */

export type ArgType = 'key' | 'string' | 'integer' | 'double' | 'pattern' | 'unix-time' | 'pure-token' | 'oneof' | 'block';

export interface CommandArg {
  /** The value's name in the syntax line; for tokens and groups, derived from the tokens. */
  name: string;
  type: ArgType;
  /** The literal word that introduces the argument (`EX`, `LIMIT`, `NX` …). */
  token?: string;
  optional?: boolean;
  /** The argument may repeat (`key [key ...]`). */
  multiple?: boolean;
  /** Each repetition repeats the token too (`GET pattern [GET pattern ...]`). */
  multipleToken?: boolean;
  /** Members of a oneof (alternatives) or a block (a sequence). */
  args?: CommandArg[];
}

const INTEGER_NAMES = new Set([
  'count', 'index', 'seconds', 'milliseconds', 'numkeys', 'offset', 'start', 'end', 'stop', 'db',
  'destination-db', 'port', 'numerator', 'limit', 'len', 'maxlen', 'numreplicas', 'pivot-index',
  'rank', 'num-local', 'threshold', 'min-idle-time', 'ms', 'time', 'retrycount', 'entries-read',
  'client-id', 'timeout', 'bit', 'min-len', 'idle', 'protover',
]);
const DOUBLE_NAMES = new Set([
  'score', 'min', 'max', 'longitude', 'latitude', 'radius', 'width', 'height', 'weight', 'increment',
]);

/**
 * The type Redis gives a value, guessed from its name: keys, patterns, Unix
 * times, integers and doubles by the names Redis uses for them; anything else
 * is a string.
 */
export function argType(name: string): ArgType {
  if (name === 'key' || name.endsWith('key') || name === 'destination' || name === 'source') return 'key';
  if (name === 'pattern') return 'pattern';
  if (name.startsWith('unix-time')) return 'unix-time';
  if (INTEGER_NAMES.has(name)) return 'integer';
  if (DOUBLE_NAMES.has(name)) return 'double';
  return 'string';
}

// ——— Parsing ———

/** The raw shape of the line before arguments are built. */
type Node =
  | { kind: 'word'; text: string }
  /** `[…]` or `<…>`, with its `|`-separated alternatives. */
  | { kind: 'group'; optional: boolean; alts: Node[][]; text: string }
  /** `x [x ...]`: the repeated items. */
  | { kind: 'repeat'; items: Node[]; text: string };

const ELLIPSIS = '...';

/** Brackets, bars and words (anything between spaces and brackets). */
function tokenize(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === ' ') {
      i++;
    } else if (c === '[' || c === ']' || c === '<' || c === '>' || c === '|') {
      out.push(c);
      i++;
    } else {
      let j = i;
      while (j < line.length && !' []<>|'.includes(line[j])) j++;
      out.push(line.slice(i, j));
      i = j;
    }
  }
  return out;
}

/** A run of nodes as normalised text, to recognise what `[x ...]` repeats. */
const textOf = (items: Node[]): string => items.map((n) => n.text).join(' ');

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: string[],
    private readonly line: string,
  ) {}

  /** Alternatives up to the closing bracket (or the end, for the top level). */
  alternatives(close: string | null): Node[][] {
    const alts: Node[][] = [[]];
    for (;;) {
      const t = this.tokens[this.pos];
      if (t === undefined) {
        if (close !== null) this.fail(`missing '${close}'`);
        break;
      }
      if (t === close) {
        this.pos++;
        break;
      }
      this.pos++;
      if (t === '|') {
        alts.push([]);
      } else if (t === '[' || t === '<') {
        const optional = t === '[';
        const inner = this.alternatives(optional ? ']' : '>');
        this.place(alts, { kind: 'group', optional, alts: inner, text: groupText(optional, inner) });
      } else if (t === ']' || t === '>') {
        this.fail(`unexpected '${t}'`);
      } else {
        alts[alts.length - 1].push({ kind: 'word', text: t });
      }
    }
    if (alts.some((a) => a.length === 0)) this.fail('empty alternative');
    return alts;
  }

  /** Appends a group, folding `x [x ...]` into a repeat of the items it repeats. */
  private place(alts: Node[][], group: Node & { kind: 'group' }): void {
    const current = alts[alts.length - 1];
    const body = group.optional && group.alts.length === 1 ? group.alts[0] : null;
    if (body && body.length > 0 && isEllipsis(body[body.length - 1])) {
      const repeated = textOf(body.slice(0, -1));
      for (let k = 1; k <= current.length; k++) {
        const items = current.slice(current.length - k);
        if (textOf(items) === repeated) {
          current.splice(current.length - k, k, { kind: 'repeat', items, text: `${repeated} [${repeated} ...]` });
          return;
        }
      }
    }
    // `<a | b | c [a | b | c ...]>`: the repeat spans every alternative of the enclosing group.
    const lastAlt = group.optional ? group.alts[group.alts.length - 1] : null;
    if (lastAlt && isEllipsis(lastAlt[lastAlt.length - 1]) && alts.length > 1) {
      const repeatedAlts = [...group.alts.slice(0, -1), lastAlt.slice(0, -1)].map(textOf).join(' | ');
      if (alts.map(textOf).join(' | ') === repeatedAlts) {
        const whole: Node = { kind: 'group', optional: false, alts: alts.map((a) => [...a]), text: groupText(false, alts) };
        alts.length = 1;
        alts[0] = [{ kind: 'repeat', items: [whole], text: `${repeatedAlts} [${repeatedAlts} ...]` }];
        return;
      }
    }
    if (body && body.some(isEllipsis)) this.fail('"..." must repeat what precedes it');
    current.push(group);
  }

  fail(why: string): never {
    throw new Error(`syntax line ${JSON.stringify(this.line)}: ${why}`);
  }
}

const isEllipsis = (n: Node | undefined): boolean => n?.kind === 'word' && n.text === ELLIPSIS;

function groupText(optional: boolean, alts: Node[][]): string {
  const inner = alts.map(textOf).join(' | ');
  return optional ? `[${inner}]` : `<${inner}>`;
}

/** A literal word: no lower-case letters (NX, EX, `*`, `=`, `""`). */
function isToken(word: string): boolean {
  return word !== ELLIPSIS && !/[a-z]/.test(word);
}

function tokenName(token: string): string {
  return token === '""' ? 'empty' : token.toLowerCase();
}

// ——— Building arguments ———

/** Builds the arguments of one sequence, pairing tokens with what they introduce. */
function buildSequence(items: Node[]): CommandArg[] {
  const out: CommandArg[] = [];
  for (let i = 0; i < items.length; i++) {
    const node = items[i];
    if (node.kind === 'word' && isToken(node.text)) {
      const next = items[i + 1];
      // LIMIT offset count: a token followed only by plain values takes them all.
      const rest = items.slice(i + 1);
      if (rest.length > 1 && rest.every(isValueWord) && i === 0) {
        out.push({ name: tokenName(node.text), type: 'block', token: node.text, args: rest.map(buildValue) });
        break;
      }
      if (next && (isValueWord(next) || next.kind === 'repeat' || (next.kind === 'group' && !next.optional))) {
        out.push({ ...buildNode(next), token: node.text });
        i++;
        continue;
      }
      out.push({ name: tokenName(node.text), type: 'pure-token', token: node.text });
    } else {
      out.push(buildNode(node));
    }
  }
  return out;
}

const isValueWord = (n: Node | undefined): boolean => n?.kind === 'word' && !isToken(n.text) && n.text !== ELLIPSIS;

function buildValue(node: Node): CommandArg {
  const name = (node as { text: string }).text;
  return { name, type: argType(name) };
}

function buildNode(node: Node): CommandArg {
  switch (node.kind) {
    case 'word':
      return isToken(node.text) ? { name: tokenName(node.text), type: 'pure-token', token: node.text } : buildValue(node);
    case 'repeat': {
      const inner = buildSequence(node.items);
      if (inner.length === 1) {
        const arg = inner[0];
        const multipleToken = arg.token !== undefined && arg.type !== 'pure-token' ? { multipleToken: true } : {};
        return { ...arg, multiple: true, ...multipleToken };
      }
      return { name: joinNames(inner), type: 'block', multiple: true, args: inner };
    }
    case 'group': {
      const members = node.alts.map((alt) => single(buildSequence(alt)));
      const arg: CommandArg =
        members.length === 1 ? { ...members[0] } : { name: joinNames(members), type: 'oneof', args: members };
      if (node.optional) arg.optional = true;
      return arg;
    }
  }
}

/** One argument for a sequence: itself if alone, else a block of them. */
function single(args: CommandArg[]): CommandArg {
  return args.length === 1 ? args[0] : { name: joinNames(args), type: 'block', args };
}

function joinNames(args: CommandArg[]): string {
  return args.map((a) => a.name).join('_');
}

/** Parses a syntax line into its argument tree. Throws on unbalanced brackets. */
export function parseSyntax(line: string): CommandArg[] {
  const trimmed = line.trim();
  if (trimmed === '') return [];
  const parser = new Parser(tokenize(trimmed), line);
  const alts = parser.alternatives(null);
  if (alts.length === 1) return buildSequence(alts[0]);
  const members = alts.map((a) => single(buildSequence(a)));
  return [{ name: joinNames(members), type: 'oneof', args: members }];
}

// ——— Printing ———

/** Prints arguments back as a docs-style syntax line (the inverse of parseSyntax). */
export function formatSyntax(args: CommandArg[]): string {
  return args.map(formatArg).join(' ');
}

function formatArg(arg: CommandArg): string {
  if (arg.type === 'oneof') {
    // Alternatives carry their own brackets, the repetition inside them: [a | b [a | b ...]].
    const inner = (arg.args ?? []).map(formatArg).join(' | ');
    const body = arg.multiple ? `${inner} [${inner} ...]` : inner;
    if (arg.token !== undefined) return wrapOptional(arg, `${arg.token} <${body}>`);
    return arg.optional ? `[${body}]` : `<${body}>`;
  }
  const once = formatOnce(arg);
  if (!arg.multiple) return wrapOptional(arg, once);
  const again = arg.multipleToken || arg.token === undefined ? once : formatOnce({ ...arg, token: undefined });
  return wrapOptional(arg, `${once} [${again} ...]`);
}

function wrapOptional(arg: CommandArg, text: string): string {
  return arg.optional ? `[${text}]` : text;
}

function formatOnce(arg: CommandArg): string {
  if (arg.type === 'pure-token') return arg.token ?? arg.name;
  const token = arg.token !== undefined ? `${arg.token} ` : '';
  if (arg.type === 'block') return token + (arg.args ?? []).map(formatArg).join(' ');
  return token + arg.name;
}
