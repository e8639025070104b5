/**
 * `db.pipeline()` and `db.multi()`: chain commands, then `exec()` sends them in
 * one batch and resolves with ioredis's `[[error, result], …]`. A multi wraps
 * them in MULTI … EXEC, so they run atomically; it resolves with null when a
 * WATCHed key changed, and rejects with EXECABORT when a command was refused.
 */
import { toArgv, type ArgInput } from './bytes.js';
import type { PipelineCommands } from './commands.js';
import { addCommandMethods, SEND } from './methods.js';
import type { Connection } from './connection.js';
import { decode, decodeReply, type Bulk } from './decode.js';
import { ReplyError } from './errors.js';

export type PipelineResult = [error: Error | null, result: unknown][];

interface Queued {
  name: string;
  argv: string[];
  bulk: Bulk;
}

export class Pipeline {
  private readonly commands: Queued[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly atomic: boolean,
  ) {}

  get length(): number {
    return this.commands.length;
  }

  /** Adds any command: `pipeline.call('set', 'k', 'v')`. */
  call(name: string, ...args: ArgInput[]): this {
    return this[SEND](name.toLowerCase(), args, 'string');
  }

  callBuffer(name: string, ...args: ArgInput[]): this {
    return this[SEND](name.toLowerCase(), args, 'buffer');
  }

  [SEND](name: string, args: ArgInput[], bulk: Bulk): this {
    this.commands.push({ name, argv: toArgv(name, args), bulk });
    return this;
  }

  async exec(): Promise<PipelineResult | null> {
    const sent = this.commands.splice(0);
    if (!this.atomic) {
      const replies = sent.map((c) => this.connection.send(c.argv));
      return Promise.all(
        replies.map((reply, i) =>
          reply.then(
            (wire): [Error | null, unknown] => {
              try {
                return [null, decodeReply(sent[i].name, wire, sent[i].bulk)];
              } catch (error) {
                return [error as Error, null];
              }
            },
            (error: Error): [Error | null, unknown] => [error, null],
          ),
        ),
      );
    }
    const multi = this.connection.send(['multi']);
    const queued = sent.map((c) => this.connection.send(c.argv));
    const exec = this.connection.send(['exec']);
    await multi;
    const queueErrors = (await Promise.all(queued))
      .map((wire) => decode(wire, 'string'))
      .filter((r): r is ReplyError => r instanceof ReplyError);
    const execReply = await exec;
    const result = decode(execReply, 'string');
    if (result instanceof ReplyError) {
      result.previousErrors = queueErrors;
      throw result;
    }
    if (execReply === null || !Array.isArray(execReply)) return null;
    return execReply.map((wire, i): [Error | null, unknown] => {
      try {
        return [null, decodeReply(sent[i].name, wire, sent[i].bulk)];
      } catch (error) {
        return [error as Error, null];
      }
    });
  }
}

addCommandMethods(Pipeline.prototype);

// Chainable command methods, typed from the command table.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Pipeline extends PipelineCommands<Pipeline> {}
