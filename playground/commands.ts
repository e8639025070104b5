/**
 * What the playground knows about commands, all of it read from the store
 * (COMMAND DOCS and COMMAND INFO): names for completion, the syntax line for
 * hints and HELP, groups for `HELP @group`, flags. Pure functions over the
 * parsed docs, so they are unit-tested without a page.
 */

/** One argument of a command, as COMMAND DOCS describes it. */
export interface ArgDoc {
  name: string;
  type: string;
  token?: string;
  optional: boolean;
  multiple: boolean;
  multipleToken: boolean;
  args: ArgDoc[];
  displayText?: string;
}

/** One command (or subcommand, `config|get`) from COMMAND DOCS and COMMAND INFO. */
export interface CommandDoc {
  /** Lower case; subcommands as `container|sub`. */
  name: string;
  /** As HELP prints it: `CONFIG GET`. */
  display: string;
  summary: string;
  since: string;
  group: string;
  complexity?: string;
  args: ArgDoc[];
  subcommands: CommandDoc[];
  /** From COMMAND INFO, when it answered. */
  arity?: number;
  flags: string[];
  acl: string[];
}

type Pairs = Map<string, unknown>;

function pairs(list: unknown): Pairs {
  const map: Pairs = new Map();
  if (!Array.isArray(list)) return map;
  for (let i = 0; i + 1 < list.length; i += 2) map.set(String(list[i]), list[i + 1]);
  return map;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

function parseArg(raw: unknown): ArgDoc {
  const p = pairs(raw);
  const flags = Array.isArray(p.get('flags')) ? (p.get('flags') as unknown[]).map(String) : [];
  return {
    name: str(p.get('name')) ?? '',
    type: str(p.get('type')) ?? 'string',
    token: str(p.get('token')),
    optional: flags.includes('optional'),
    multiple: flags.includes('multiple'),
    multipleToken: flags.includes('multiple_token'),
    args: Array.isArray(p.get('arguments')) ? (p.get('arguments') as unknown[]).map(parseArg) : [],
    displayText: str(p.get('display_text')),
  };
}

function parseDoc(name: string, raw: unknown): CommandDoc {
  const p = pairs(raw);
  const subs = pairs(p.get('subcommands'));
  return {
    name: name.toLowerCase(),
    display: name.toUpperCase().replace('|', ' '),
    summary: str(p.get('summary')) ?? '',
    since: str(p.get('since')) ?? '',
    group: str(p.get('group')) ?? '',
    complexity: str(p.get('complexity')),
    args: Array.isArray(p.get('arguments')) ? (p.get('arguments') as unknown[]).map(parseArg) : [],
    subcommands: [...subs].map(([n, d]) => parseDoc(n, d)).sort((a, b) => (a.name < b.name ? -1 : 1)),
    flags: [],
    acl: [],
  };
}

/** COMMAND DOCS's reply (decoded: nested arrays of strings) → docs. */
export function parseCommandDocs(reply: unknown): CommandDoc[] {
  return [...pairs(reply)].map(([name, doc]) => parseDoc(name, doc)).sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Adds COMMAND INFO's arity, flags and ACL categories to the docs. */
export function addCommandInfo(docs: CommandDoc[], reply: unknown): void {
  const byName = new Map<string, CommandDoc>();
  for (const d of docs) {
    byName.set(d.name, d);
    for (const s of d.subcommands) byName.set(s.name, s);
  }
  const visit = (entry: unknown) => {
    if (!Array.isArray(entry)) return;
    const doc = byName.get(String(entry[0]).toLowerCase());
    if (doc) {
      doc.arity = Number(entry[1]);
      doc.flags = Array.isArray(entry[2]) ? entry[2].map(String) : [];
      doc.acl = Array.isArray(entry[6]) ? entry[6].map(String) : [];
    }
    if (Array.isArray(entry[9])) entry[9].forEach(visit);
  };
  if (Array.isArray(reply)) reply.forEach(visit);
}

// ——— Syntax ———

/** One argument as the Redis docs print it: `[EX seconds|PX milliseconds]`, `key [key ...]`. */
export function argSyntax(arg: ArgDoc): string {
  let body: string;
  if (arg.type === 'oneof') body = arg.args.map(argSyntax).join('|');
  else if (arg.type === 'block') body = arg.args.map(argSyntax).join(' ');
  else if (arg.type === 'pure-token') body = '';
  else body = arg.displayText ?? arg.name;
  // An empty token (MIGRATE's `""`) prints as a pair of quotes.
  const token = arg.token === '' ? '""' : (arg.token ?? '');
  let text = token && body ? `${token} ${body}` : token || body;
  if (arg.multiple) text += arg.multipleToken ? ` [${text} ...]` : ` [${body} ...]`;
  return arg.optional ? `[${text}]` : text;
}

/** A command's arguments on one line: `key value [NX|XX] [GET] …`. */
export function commandSyntax(doc: CommandDoc): string {
  return doc.args.map(argSyntax).join(' ');
}

// ——— The catalog ———

/** Normalises a group name as HELP @group takes it: `sorted_set` and `sorted-set` alike. */
const groupKey = (g: string) => g.toLowerCase().replace(/_/g, '-');

export class Catalog {
  readonly commands: CommandDoc[];
  private readonly byName = new Map<string, CommandDoc>();

  constructor(commands: CommandDoc[]) {
    this.commands = commands;
    for (const c of commands) this.byName.set(c.name, c);
  }

  /** The command named by the first words (a subcommand when the second word names one). */
  lookup(words: readonly string[]): { doc: CommandDoc; consumed: number } | undefined {
    if (words.length === 0) return undefined;
    const top = this.byName.get(words[0].toLowerCase());
    if (!top) return undefined;
    if (words.length > 1 && top.subcommands.length > 0) {
      const sub = top.subcommands.find((s) => s.name === `${top.name}|${words[1].toLowerCase()}`);
      if (sub) return { doc: sub, consumed: 2 };
    }
    return { doc: top, consumed: 1 };
  }

  get(name: string): CommandDoc | undefined {
    return this.lookup(name.split(/[\s|]+/).filter(Boolean))?.doc;
  }

  /** Group names, as `HELP @<tab>` lists them. */
  groups(): string[] {
    return [...new Set(this.commands.map((c) => c.group).filter(Boolean))].sort();
  }

  /** The commands (and subcommands) of a group, for `HELP @group`. */
  inGroup(group: string): CommandDoc[] {
    const key = groupKey(group);
    return this.commands
      .flatMap((c) => (c.subcommands.length ? [c, ...c.subcommands] : [c]))
      .filter((c) => groupKey(c.group) === key);
  }

  /** Known commands that look like a mistyped name, closest first. */
  suggest(name: string, max = 3): string[] {
    const lower = name.toLowerCase();
    return this.commands
      .map((c) => ({ name: c.name, d: distance(lower, c.name) }))
      .filter((x) => x.d <= Math.max(1, Math.floor(lower.length / 3)))
      .sort((a, b) => a.d - b.d || (a.name < b.name ? -1 : 1))
      .slice(0, max)
      .map((x) => x.name);
  }

  /**
   * What to show after the words typed so far: the arguments still to come
   * (`[NX|XX] [GET] …`), and what the next word may be. `partial` says the
   * last word is still being typed (no space after it).
   */
  hint(words: readonly string[], partial: boolean): Hint | undefined {
    const found = this.lookup(words);
    if (!found) return undefined;
    const { doc, consumed } = found;
    // While the subcommand name is being typed, hint the container's subcommands.
    if (doc.subcommands.length > 0 && consumed === 1) {
      const names = doc.subcommands.map((s) => s.name.slice(s.name.indexOf('|') + 1).toUpperCase());
      return { doc, text: names.join('|'), expect: [], subcommands: doc.subcommands };
    }
    const typed = words.slice(consumed, partial ? words.length - 1 : words.length);
    const match = matchArgs(doc.args, typed);
    // The word being typed is counted as given (redis-cli shows the hint for what follows it).
    const shown = partial && words.length > consumed ? matchArgs(doc.args, words.slice(consumed)) : match;
    return { doc, text: shown.hint, expect: match.expect, subcommands: [] };
  }

  /**
   * Completions for the word at the end of `words` (`prefix`, possibly empty):
   * command names, subcommand names, or the option tokens that may come next.
   * `keyExpected` says a key name may come next (the page completes keys with SCAN).
   */
  complete(words: readonly string[], prefix: string): { items: string[]; keyExpected: boolean } {
    const cased = (s: string) => (/[a-z]/.test(prefix) ? s.toLowerCase() : s.toUpperCase());
    const starts = (s: string) => s.toLowerCase().startsWith(prefix.toLowerCase());
    if (words.length === 0) {
      return { items: this.commands.map((c) => c.name).filter(starts).map(cased), keyExpected: false };
    }
    const top = this.lookup(words.slice(0, 1));
    if (top && words.length === 1 && top.doc.subcommands.length > 0) {
      const subs = top.doc.subcommands.map((s) => s.name.slice(s.name.indexOf('|') + 1)).filter(starts);
      return { items: subs.map(cased), keyExpected: false };
    }
    const hint = this.hint([...words, prefix], true);
    if (!hint || hint.subcommands.length > 0) return { items: [], keyExpected: false };
    const tokens = new Set<string>();
    let keyExpected = false;
    for (const arg of hint.expect) {
      for (const t of startTokens(arg)) if (starts(t)) tokens.add(cased(t));
      if (startsWithKey(arg)) keyExpected = true;
    }
    return { items: [...tokens], keyExpected };
  }
}

export interface Hint {
  doc: CommandDoc;
  /** The arguments still to come, as the docs print them. */
  text: string;
  /** The arguments the next word may start. */
  expect: ArgDoc[];
  /** A container's subcommands, when the subcommand name comes next. */
  subcommands: CommandDoc[];
}

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

// ——— Matching typed words against the arguments ———

/** The literal words an argument may start with (its token, or its members' tokens). */
export function startTokens(arg: ArgDoc): string[] {
  if (arg.token) return [arg.token];
  if (arg.type === 'oneof') return arg.args.flatMap(startTokens);
  if (arg.type === 'block' && arg.args.length > 0) return startTokens(arg.args[0]);
  return [];
}

function startsWithKey(arg: ArgDoc): boolean {
  if (arg.token) return false;
  if (arg.type === 'key') return true;
  if (arg.type === 'oneof') return arg.args.some(startsWithKey);
  if (arg.type === 'block' && arg.args.length > 0) return startsWithKey(arg.args[0]);
  return false;
}

const isTokenFor = (arg: ArgDoc, word: string | undefined) =>
  word !== undefined && startTokens(arg).some((t) => t.toLowerCase() === word.toLowerCase());

/** How many words one occurrence of `arg` takes, and the hint if the words run out inside it. */
function consume(arg: ArgDoc, words: readonly string[], i: number): { next: number; rest?: string } {
  let j = i;
  if (arg.token) {
    if (j >= words.length) return { next: j, rest: argSyntax({ ...arg, optional: false, multiple: false }) };
    j++;
  }
  const inner: ArgDoc = { ...arg, token: undefined, optional: false, multiple: false };
  if (arg.type === 'pure-token') return { next: j };
  if (arg.type === 'oneof') {
    if (j >= words.length) return { next: j, rest: argSyntax(inner) };
    const alt = arg.args.find((a) => isTokenFor(a, words[j])) ?? arg.args.find((a) => startTokens(a).length === 0);
    return alt ? consume(alt, words, j) : { next: j + 1 };
  }
  if (arg.type === 'block') {
    for (let k = 0; k < arg.args.length; k++) {
      const member = arg.args[k];
      if (member.optional && !isTokenFor(member, words[j])) continue;
      if (j >= words.length) {
        const rest = arg.args.slice(k).map(argSyntax).join(' ');
        return { next: j, rest };
      }
      const r = consume(member, words, j);
      if (r.rest !== undefined) return r;
      j = r.next;
    }
    return { next: j };
  }
  if (j >= words.length) return { next: j, rest: argSyntax(inner) };
  return { next: j + 1 };
}

/** What repeats of a `multiple` argument: `score member`, or `GET pattern` when the token repeats too. */
function repeatBody(arg: ArgDoc): string {
  return argSyntax({ ...arg, optional: false, multiple: false, token: arg.multipleToken ? arg.token : undefined });
}

/**
 * Walks the typed words through a command's arguments. Optional arguments that
 * start with a token may come in any order among their neighbours (as Redis
 * parses SET's or ZADD's options); the others come in the order declared.
 */
export function matchArgs(args: readonly ArgDoc[], words: readonly string[]): { hint: string; expect: ArgDoc[] } {
  const used = new Set<ArgDoc>();
  let i = 0;
  let k = 0;
  /** The run of order-free optional arguments around position k. */
  const runFrom = (start: number) => {
    let end = start;
    while (end < args.length && args[end].optional && startTokens(args[end]).length > 0) end++;
    return args.slice(start, end);
  };
  let repeating: ArgDoc | undefined;
  /** The words ran out inside `arg`: the rest of it, its repetition, then what may follow. */
  const unfinished = (arg: ArgDoc, rest: string, from: number) => {
    const parts = [rest];
    if (arg.multiple) parts.push(`[${repeatBody(arg)} ...]`);
    for (const a of args.slice(from)) if (!used.has(a)) parts.push(argSyntax(a));
    return { hint: parts.join(' '), expect: [] };
  };
  while (i < words.length && k < args.length) {
    const run = runFrom(k);
    const hit = run.find((a) => (!used.has(a) || a.multiple) && isTokenFor(a, words[i]));
    if (hit) {
      used.add(hit);
      const r = consume(hit, words, i);
      if (r.rest !== undefined) return unfinished(hit, r.rest, k);
      i = r.next;
      repeating = hit.multiple ? hit : undefined;
      continue;
    }
    if (run.length > 0) {
      // None of the run's tokens: the run is over.
      k += run.length;
      continue;
    }
    const arg = args[k];
    // An optional positional argument (`[count]`) takes the word unless it is a later argument's token.
    if (arg.optional && args.slice(k + 1).some((a) => isTokenFor(a, words[i]))) {
      k++;
      continue;
    }
    used.add(arg);
    const r = consume(arg, words, i);
    if (r.rest !== undefined) return unfinished(arg, r.rest, k + 1);
    i = r.next;
    if (arg.multiple) {
      // Repeat while words remain that are not a later argument's token.
      while (i < words.length && !args.slice(k + 1).some((a) => isTokenFor(a, words[i]))) {
        const again = consume(arg, words, i);
        if (again.rest !== undefined) return unfinished(arg, again.rest, k + 1);
        i = again.next;
      }
      repeating = arg;
    } else repeating = undefined;
    k++;
  }
  if (i < words.length) return { hint: '', expect: [] }; // more words than the command takes
  // What may come next: the unused arguments of the current run, then the rest in order.
  const remaining = args.slice(k).filter((a) => !used.has(a));
  const parts = remaining.map(argSyntax);
  if (repeating && !remaining.includes(repeating)) parts.unshift(`[${repeatBody(repeating)} ...]`);
  // The next word may start any argument up to and including the first required one.
  const expect: ArgDoc[] = [];
  if (repeating) expect.push(repeating);
  for (const a of remaining) {
    expect.push(a);
    if (!a.optional) break;
  }
  return { hint: parts.join(' '), expect };
}
