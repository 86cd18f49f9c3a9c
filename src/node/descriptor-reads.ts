/**
 * Reading an opened descriptor: to its end, and the bytes read turned into text or refused. The
 * file system's checks (inside the project, a regular file, not too large) come before these.
 */
import { read } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { promisify } from 'node:util';
import { UnreadableFileError, decodeFileText, maxBytesFor } from '../core/storage/file-text';

export const readInto = promisify(read);

/**
 * Node's own UTF-8 check and decoding are several times faster than a fatal TextDecoder; the
 * decoder still reads what fails, to say which byte and line are not UTF-8.
 */
export function textOf(path: string, bytes: Buffer): string {
  return isUtf8(bytes) && bytes.length <= maxBytesFor(path) ? bytes.toString('utf8') : decodeFileText(path, bytes);
}

export function notRegular(path: string, stat: Parameters<typeof kindOf>[0]): Error {
  return new UnreadableFileError(path, undefined, `${kindOf(stat)}, not a regular file; Grounded reads only regular files`);
}

function kindOf(stat: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}

/**
 * The file's bytes from a descriptor whose size was just taken: `size` bytes, or to the end when
 * the size is 0 (files the kernel makes up as they are read say 0).
 */
export async function readToEnd(fd: number, size: number): Promise<Buffer> {
  if (size === 0) return readRest(fd);
  const buffer = Buffer.allocUnsafe(size);
  let length = 0;
  while (length < size) {
    const { bytesRead } = await readInto(fd, buffer, length, size - length, null);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  return length === size ? buffer : buffer.subarray(0, length);
}

async function readRest(fd: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for (;;) {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    const { bytesRead } = await readInto(fd, chunk, 0, chunk.length, null);
    if (bytesRead === 0) return Buffer.concat(chunks);
    chunks.push(chunk.subarray(0, bytesRead));
  }
}
