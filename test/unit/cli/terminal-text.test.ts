import assert from 'node:assert/strict';
import { terminalText, writer } from '../../../src/cli/terminal-text';

describe('project text written to a terminal', () => {
  const ESC = String.fromCharCode(27);

  it('shows escape sequences and other control characters as code points, keeping tabs and line ends', () => {
    assert.equal(terminalText(`${ESC}]0;owned${String.fromCharCode(7)}Trust\tx\r\n`), '\\u001b]0;owned\\u0007Trust\tx\r\n');
    assert.equal(terminalText(`a${String.fromCharCode(0x9b)}2Jb`), 'a\\u009b2Jb');
    assert.equal(terminalText('Lucía 😊 شكرا'), 'Lucía 😊 شكرا');
  });

  it('changes nothing written to a file or a pipe', () => {
    const written: string[] = [];
    writer({ isTTY: false, write: (t) => written.push(t) })(`${ESC}[31m`);
    writer({ isTTY: true, write: (t) => written.push(t) })(`${ESC}[31m`);
    assert.deepEqual(written, [`${ESC}[31m`, '\\u001b[31m']);
  });
});
