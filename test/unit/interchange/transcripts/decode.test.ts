import assert from 'node:assert/strict';
import { decodeTranscriptBytes, TranscriptImportError } from '../../../../src/core/interchange/transcripts';
import { firstInvalidUtf8 } from '../../../../src/core/interchange/transcripts/decode';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...parts: (number[] | Uint8Array)[]): Uint8Array => new Uint8Array(parts.flatMap((p) => [...p]));

function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out.push(...(order === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff]));
  }
  return new Uint8Array(out);
}

function decodeError(input: Uint8Array): TranscriptImportError {
  try {
    decodeTranscriptBytes(input, 'call.vtt');
  } catch (error) {
    assert.ok(error instanceof TranscriptImportError, String(error));
    assert.ok(error.message.startsWith('call.vtt'), error.message);
    return error;
  }
  assert.fail('expected the bytes to be refused');
}

describe('decoding transcript bytes', () => {
  const sample = 'WEBVTT\n\nLucía: ¿Qué? 🎙️ done\n';

  it('reads UTF-8 with and without a byte-order mark', () => {
    assert.equal(decodeTranscriptBytes(utf8(sample), 'a.vtt'), sample);
    assert.equal(decodeTranscriptBytes(bytes([0xef, 0xbb, 0xbf], utf8(sample)), 'a.vtt'), sample);
  });

  it('reads UTF-16 little- and big-endian with a byte-order mark, surrogate pairs included', () => {
    assert.equal(decodeTranscriptBytes(bytes([0xff, 0xfe], utf16(sample, 'le')), 'a.vtt'), sample);
    assert.equal(decodeTranscriptBytes(bytes([0xfe, 0xff], utf16(sample, 'be')), 'a.vtt'), sample);
  });

  it('turns CRLF and lone CR line endings into LF', () => {
    assert.equal(decodeTranscriptBytes(utf8('a\r\nb\rc\n'), 'a.txt'), 'a\nb\nc\n');
  });

  it('refuses UTF-16 without a byte-order mark, saying what it looks like', () => {
    assert.match(decodeError(utf16(sample, 'le')).reason, /UTF-16 \(little-endian\).*without a byte-order mark/);
    assert.match(decodeError(utf16(sample, 'be')).reason, /UTF-16 \(big-endian\)/);
  });

  it('refuses invalid UTF-8 with the line of the first bad byte', () => {
    // "café" in Windows-1252 on line 3.
    const error = decodeError(bytes(utf8('WEBVTT\n\ncaf'), [0xe9], utf8('\n')));
    assert.equal(error.line, 3);
    assert.match(error.reason, /not valid UTF-8 \(byte 0xE9/);
    assert.match(error.message, /^call\.vtt:3: /);
  });

  it('refuses binary data and names the control character and line', () => {
    const error = decodeError(bytes(utf8('WEBVTT\n\n'), [0x01, 0x02, 0x41]));
    assert.equal(error.line, 3);
    assert.match(error.reason, /binary data \(control character U\+0001\)/);
    assert.match(decodeError(bytes([0x89], utf8('PNG\r\n'), [0x1a, 0x0a, 0, 0])).reason, /UTF-8|binary/);
  });

  it('refuses a ZIP archive given as text, suggesting .docx', () => {
    assert.match(decodeError(bytes([0x50, 0x4b, 0x03, 0x04], utf8('rest'))).reason, /ZIP archive.*\.docx/);
  });

  it('refuses an empty file, one with only a BOM, and one with only blank lines', () => {
    for (const input of [new Uint8Array(), bytes([0xef, 0xbb, 0xbf]), utf8(' \n\n\t\n'), bytes([0xff, 0xfe])]) {
      assert.equal(decodeError(input).reason, 'the file is empty.');
    }
  });

  it('refuses truncated UTF-16 and lone surrogates', () => {
    assert.match(decodeError(bytes([0xff, 0xfe], utf16('ab', 'le'), [0x41])).reason, /odd number of bytes/);
    const lone = decodeError(bytes([0xff, 0xfe], utf16('a\nb\n', 'le'), [0x00, 0xd8], utf16('x', 'le')));
    assert.match(lone.reason, /lone surrogate/);
    assert.equal(lone.line, 3);
  });

  it('finds the first byte of an ill-formed UTF-8 sequence', () => {
    assert.equal(firstInvalidUtf8(utf8('plain ✓ 🎙️')), utf8('plain ✓ 🎙️').length);
    assert.equal(firstInvalidUtf8(bytes(utf8('ab'), [0xc0, 0x80])), 2, 'overlong NUL');
    assert.equal(firstInvalidUtf8(bytes(utf8('a'), [0xed, 0xa0, 0x80])), 1, 'encoded surrogate');
    assert.equal(firstInvalidUtf8(bytes([0xf4, 0x90, 0x80, 0x80])), 0, 'above U+10FFFF');
    assert.equal(firstInvalidUtf8(bytes(utf8('abc'), [0xe2, 0x9c])), 3, 'cut short at the end');
  });
});
