/**
 * Minimal synchronous zlib/DEFLATE decoder (RFC 1950/1951), after Mark
 * Adler's puff.c. Mailgun packs the original URL of a tracked link into a
 * zlib-compressed token, and link identity must be synchronous and run in node
 * and in the extension (DecompressionStream is async), hence this small copy.
 * Output is capped so a hostile token cannot inflate into a memory bomb.
 */

interface BitReader {
  data: Uint8Array;
  pos: number;
  bitBuf: number;
  bitCount: number;
}

interface Huffman {
  counts: Uint16Array;
  symbols: Uint16Array;
}

const MAX_OUTPUT = 64 * 1024;
const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
  163, 195, 227, 258,
];
const LENGTH_EXTRA = [
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
  3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA = [
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

function readBits(reader: BitReader, count: number): number {
  while (reader.bitCount < count) {
    const byte = reader.data[reader.pos++];
    if (byte === undefined) throw new Error('inflate: unexpected end of data');
    reader.bitBuf |= byte << reader.bitCount;
    reader.bitCount += 8;
  }
  const value = reader.bitBuf & ((1 << count) - 1);
  reader.bitBuf >>>= count;
  reader.bitCount -= count;
  return value;
}

function buildHuffman(lengths: ArrayLike<number>): Huffman {
  const counts = new Uint16Array(16);
  for (let i = 0; i < lengths.length; i++) counts[lengths[i] ?? 0]!++;
  const offsets = new Uint16Array(16);
  for (let len = 1; len < 15; len++) offsets[len + 1] = offsets[len]! + counts[len]!;
  const symbols = new Uint16Array(lengths.length);
  for (let symbol = 0; symbol < lengths.length; symbol++) {
    const len = lengths[symbol] ?? 0;
    if (len !== 0) symbols[offsets[len]!++] = symbol;
  }
  return { counts, symbols };
}

function decodeSymbol(reader: BitReader, huffman: Huffman): number {
  let code = 0;
  let first = 0;
  let index = 0;
  for (let len = 1; len <= 15; len++) {
    code |= readBits(reader, 1);
    const count = huffman.counts[len]!;
    if (code - count < first) return huffman.symbols[index + (code - first)]!;
    index += count;
    first = (first + count) << 1;
    code <<= 1;
  }
  throw new Error('inflate: invalid Huffman code');
}

function fixedTables(): [Huffman, Huffman] {
  const lengths = new Array<number>(288);
  for (let symbol = 0; symbol < 288; symbol++)
    lengths[symbol] = symbol < 144 ? 8 : symbol < 256 ? 9 : symbol < 280 ? 7 : 8;
  return [buildHuffman(lengths), buildHuffman(new Array<number>(30).fill(5))];
}

function dynamicTables(reader: BitReader): [Huffman, Huffman] {
  const literalCount = readBits(reader, 5) + 257;
  const distanceCount = readBits(reader, 5) + 1;
  const codeLengthCount = readBits(reader, 4) + 4;
  const codeLengths = new Array<number>(19).fill(0);
  for (let i = 0; i < codeLengthCount; i++)
    codeLengths[CODE_LENGTH_ORDER[i]!] = readBits(reader, 3);
  const codeLengthTable = buildHuffman(codeLengths);
  const lengths: number[] = [];
  while (lengths.length < literalCount + distanceCount) {
    const symbol = decodeSymbol(reader, codeLengthTable);
    if (symbol < 16) lengths.push(symbol);
    else if (symbol === 16) {
      const previous = lengths[lengths.length - 1];
      if (previous === undefined) throw new Error('inflate: repeat without length');
      for (let n = 3 + readBits(reader, 2); n > 0; n--) lengths.push(previous);
    } else {
      const zeros = symbol === 17 ? 3 + readBits(reader, 3) : 11 + readBits(reader, 7);
      for (let n = zeros; n > 0; n--) lengths.push(0);
    }
  }
  return [buildHuffman(lengths.slice(0, literalCount)), buildHuffman(lengths.slice(literalCount))];
}

function inflateCodes(
  reader: BitReader,
  out: number[],
  literals: Huffman,
  distances: Huffman,
): void {
  for (;;) {
    const symbol = decodeSymbol(reader, literals);
    if (symbol < 256) out.push(symbol);
    else if (symbol === 256) return;
    else {
      const lengthIndex = symbol - 257;
      const length = LENGTH_BASE[lengthIndex]! + readBits(reader, LENGTH_EXTRA[lengthIndex] ?? 0);
      const distIndex = decodeSymbol(reader, distances);
      const distance = DIST_BASE[distIndex]! + readBits(reader, DIST_EXTRA[distIndex] ?? 0);
      if (distance > out.length) throw new Error('inflate: distance too far back');
      for (let n = 0; n < length; n++) out.push(out[out.length - distance]!);
    }
    if (out.length > MAX_OUTPUT) throw new Error('inflate: output too large');
  }
}

function copyStored(reader: BitReader, out: number[]): void {
  reader.bitBuf = 0;
  reader.bitCount = 0;
  const { data, pos } = reader;
  const length = (data[pos] ?? 0) | ((data[pos + 1] ?? 0) << 8);
  if (pos + 4 + length > data.length) throw new Error('inflate: stored block past end');
  for (let i = 0; i < length; i++) out.push(data[pos + 4 + i]!);
  reader.pos = pos + 4 + length;
}

/** Raw DEFLATE stream → bytes. Throws on malformed input. */
export function inflateRaw(data: Uint8Array): Uint8Array {
  const reader: BitReader = { data, pos: 0, bitBuf: 0, bitCount: 0 };
  const out: number[] = [];
  let last = 0;
  while (!last) {
    last = readBits(reader, 1);
    const type = readBits(reader, 2);
    if (type === 0) copyStored(reader, out);
    else if (type === 1) inflateCodes(reader, out, ...fixedTables());
    else if (type === 2) inflateCodes(reader, out, ...dynamicTables(reader));
    else throw new Error('inflate: invalid block type');
  }
  return Uint8Array.from(out);
}

/** zlib stream (2-byte header, DEFLATE, Adler-32 not checked) → bytes, or null. */
export function inflateZlib(data: Uint8Array): Uint8Array | null {
  const cmf = data[0] ?? 0;
  const flg = data[1] ?? 0;
  if ((cmf & 0x0f) !== 8 || (cmf * 256 + flg) % 31 !== 0 || flg & 0x20) return null;
  try {
    return inflateRaw(data.subarray(2));
  } catch {
    return null;
  }
}
