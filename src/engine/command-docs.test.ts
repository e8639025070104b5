import { describe, expect, it } from 'vitest';
import { commandArgs, commandByName, commandGetKeys, commandInfo, commandList, helpReply } from './command-docs.js';
import { COMMANDS } from './commands/index.js';
import { ErrorReply, SetReply, SimpleString } from './reply.js';

describe('command docs from the table', () => {
  it('every declared syntax line parses (COMMAND DOCS, typings and hints depend on it)', () => {
    const bad: string[] = [];
    for (const cmd of COMMANDS.values()) {
      for (const c of [cmd, ...(cmd.subcommands?.values() ?? [])]) if (commandArgs(c) === null) bad.push(`${c.name}: ${c.syntax}`);
    }
    expect(bad).toEqual([]);
  });

  it('finds commands and subcommands by name, any case', () => {
    expect(commandByName(COMMANDS, 'GET')?.name).toBe('get');
    expect(commandByName(COMMANDS, 'Client|List')?.name).toBe('client|list');
    expect(commandByName(COMMANDS, 'get|x')).toBeUndefined();
    expect(commandByName(COMMANDS, 'nosuch')).toBeUndefined();
  });

  it('orders flags and ACL categories as Redis lists them', () => {
    const info = commandInfo(commandByName(COMMANDS, 'client|kill')) as unknown[];
    expect((info[2] as SetReply).items).toEqual(['admin', 'noscript', 'loading', 'stale'].map((f) => new SimpleString(f)));
    expect((info[6] as SetReply).items).toEqual(['@admin', '@slow', '@dangerous', '@connection'].map((f) => new SimpleString(f)));
    expect(commandInfo(undefined)).toBeNull();
  });

  it('lists commands with filters', () => {
    expect(commandList(COMMANDS, { by: 'pattern', value: 'client|g*' }).sort()).toEqual(['client|getname', 'client|getredir']);
    expect(commandList(COMMANDS, { by: 'module', value: 'x' })).toEqual([]);
    expect(commandList(COMMANDS, { by: 'aclcat', value: 'CONNECTION' })).toContain('hello');
  });

  it('extracts keys, or says why not', () => {
    expect(commandGetKeys(COMMANDS, ['memory', 'usage', 'k'], false)).toEqual(['k']);
    expect(commandGetKeys(COMMANDS, ['ping'], false)).toEqual(new ErrorReply('ERR The command has no key arguments'));
    expect(commandGetKeys(COMMANDS, ['nosuch'], false)).toEqual(new ErrorReply('ERR Invalid command specified'));
  });

  it('builds HELP replies with the container name upper-cased', () => {
    expect(helpReply('config', ['A'])).toEqual(
      ['CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:', 'A', 'HELP', '    Prints this help.'].map((l) => new SimpleString(l)),
    );
  });
});
