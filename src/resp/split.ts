/**
 * Splits a command line into arguments the way redis-cli and Redis's inline
 * protocol do (sdssplitargs): whitespace separates words; "double quotes" take
 * \n \r \t \b \a \\ \" and \xHH escapes; 'single quotes' take only \'. A closing
 * quote must be followed by whitespace or the end. Returns null on unbalanced quotes.
 * Input and output are byte strings.
 */
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', a: '\x07' };
const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\v' || c === '\f';
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);

export function splitArgs(line: string): string[] | null {
  const args: string[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    while (i < n && isSpace(line[i])) i++;
    if (i >= n) return args;
    let word = '';
    let inDouble = false;
    let inSingle = false;
    for (;;) {
      const c = line[i];
      if (inDouble) {
        if (i >= n) return null;
        if (c === '\\' && line[i + 1] === 'x' && isHex(line[i + 2]) && isHex(line[i + 3])) {
          word += String.fromCharCode(parseInt(line.slice(i + 2, i + 4), 16));
          i += 3;
        } else if (c === '\\' && i + 1 < n) {
          i++;
          word += ESCAPES[line[i]] ?? line[i];
        } else if (c === '"') {
          // The closing quote must end the word.
          if (i + 1 < n && !isSpace(line[i + 1])) return null;
          inDouble = false;
          i++;
          break;
        } else {
          word += c;
        }
      } else if (inSingle) {
        if (i >= n) return null;
        if (c === '\\' && line[i + 1] === "'") {
          i++;
          word += "'";
        } else if (c === "'") {
          if (i + 1 < n && !isSpace(line[i + 1])) return null;
          inSingle = false;
          i++;
          break;
        } else {
          word += c;
        }
      } else {
        if (i >= n || isSpace(c)) break;
        if (c === '"') inDouble = true;
        else if (c === "'") inSingle = true;
        else word += c;
      }
      i++;
    }
    args.push(word);
  }
}
