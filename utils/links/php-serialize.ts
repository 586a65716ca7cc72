/**
 * Minimal PHP unserialize() for Mautic's clickthrough token (arrays, strings,
 * integers, floats, booleans, null). Returns null on anything else: the token
 * is untrusted input, so no objects and a depth limit.
 */

export type PhpValue = string | number | boolean | null | PhpArray;
export interface PhpArray {
  [key: string]: PhpValue;
}

interface Cursor {
  text: string;
  at: number;
}

const MAX_DEPTH = 4;

export function phpUnserialize(text: string): PhpValue | undefined {
  try {
    return readValue({ text, at: 0 }, 0);
  } catch {
    return undefined;
  }
}

function readUntil(cursor: Cursor, end: string): string {
  const stop = cursor.text.indexOf(end, cursor.at);
  if (stop < 0) throw new Error('php: unterminated');
  const value = cursor.text.slice(cursor.at, stop);
  cursor.at = stop + end.length;
  return value;
}

function readValue(cursor: Cursor, depth: number): PhpValue {
  const type = cursor.text.slice(cursor.at, cursor.at + 2);
  cursor.at += 2;
  if (type === 'N;') return null;
  if (type === 'i:' || type === 'd:') return Number(readUntil(cursor, ';'));
  if (type === 'b:') return readUntil(cursor, ';') === '1';
  if (type === 's:') {
    // Length is in bytes; the tokens seen are ASCII, so characters are used.
    const length = Number(readUntil(cursor, ':"'));
    const value = cursor.text.slice(cursor.at, cursor.at + length);
    cursor.at += length + 2;
    return value;
  }
  if (type === 'a:' && depth < MAX_DEPTH) return readArray(cursor, depth);
  throw new Error(`php: unsupported ${type}`);
}

function readArray(cursor: Cursor, depth: number): PhpArray {
  const count = Number(readUntil(cursor, ':{'));
  const result: PhpArray = {};
  for (let i = 0; i < count; i++) {
    const key = readValue(cursor, depth + 1);
    result[String(key)] = readValue(cursor, depth + 1);
  }
  readUntil(cursor, '}');
  return result;
}
