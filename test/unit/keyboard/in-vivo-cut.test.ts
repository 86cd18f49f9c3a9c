import assert from 'node:assert/strict';
import { inVivoName } from '../../../src/core/keyboard/in-vivo';

describe('an in-vivo name cut to length in words without spaces', () => {
  it('never splits an emoji in two', () => {
    const name = inVivoName(`${'我'.repeat(59)}😊好好好`);
    assert.ok(name.length <= 60);
    assert.ok(!/[\uD800-\uDBFF]$/.test(name), `ends with half an emoji: ${JSON.stringify(name)}`);
    assert.equal(name, '我'.repeat(59));
  });

  it('never takes a letter without its accent', () => {
    const name = inVivoName(`${'a'.repeat(59)}e\u0301${'b'.repeat(10)}`);
    assert.equal(name, 'a'.repeat(59));
  });

  it('keeps a whole family emoji or leaves it out', () => {
    const family = '👩\u200d👧';
    const name = inVivoName(`${'x'.repeat(57)}${family}${'y'.repeat(10)}`);
    assert.equal(name, 'x'.repeat(57));
  });
});
