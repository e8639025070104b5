import { seededRandom as rng } from '../../test/rng.js';
import { describe, expect, it } from 'vitest';
import { ByteEditor, bytesToString, stringToBytes, zeros } from './bytes.js';


describe('bytesToString / stringToBytes', () => {
  it('round-trips every byte value, beyond one chunk', () => {
    const bytes = new Uint8Array(20000).map((_, i) => (i * 7) & 0xff);
    const s = bytesToString(bytes);
    expect(s.length).toBe(20000);
    expect(s.charCodeAt(19999)).toBe((19999 * 7) & 0xff);
    expect(stringToBytes(s)).toEqual(bytes);
    expect(bytesToString(bytes, 5, 9)).toBe(s.slice(5, 9));
  });

  it('zero-pads and truncates', () => {
    expect(stringToBytes('ab', 4)).toEqual(new Uint8Array([97, 98, 0, 0]));
    expect(stringToBytes('abc', 1)).toEqual(new Uint8Array([97]));
    expect(zeros(3)).toBe('\0\0\0');
    expect(zeros(0)).toBe('');
  });
});

describe('ByteEditor', () => {
  it('matches a byte array model under random edits, few and many', () => {
    const random = rng(1);
    for (const edits of [0, 1, 5, 64, 65, 500]) {
      const base = bytesToString(new Uint8Array(100).map(() => random() * 256));
      const length = 100 + Math.floor(random() * 50);
      const model = stringToBytes(base, length);
      const editor = new ByteEditor(base, length);
      for (let i = 0; i < edits; i++) {
        const at = Math.floor(random() * length);
        const byte = Math.floor(random() * 256);
        model[at] = byte;
        editor.set(at, byte);
        expect(editor.get(at)).toBe(byte);
      }
      for (let i = 0; i < length; i++) expect(editor.get(i)).toBe(model[i]);
      expect(editor.toString()).toBe(bytesToString(model));
    }
  });

  it('never shrinks the string and reads zeros past it', () => {
    const editor = new ByteEditor('abc', 1);
    expect(editor.length).toBe(3);
    expect(editor.get(10)).toBe(0);
    expect(new ByteEditor('abc', 5).toString()).toBe('abc\0\0');
    const padded = new ByteEditor('abc', 6);
    padded.set(5, 65);
    expect(padded.toString()).toBe('abc\0\0A');
  });
});
