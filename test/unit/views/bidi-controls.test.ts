import assert from 'node:assert/strict';
import { showBidiControls } from '../../../src/core/views/untrusted-text';
import { shownText } from '../../../src/webview/dom';

describe('bidirectional controls in untrusted text', () => {
  const SAMPLES = ['Trust\u202E (removed)', '\u2066isolated\u2069 \u202Aembedded\u202C', 'plain', '\u05e9\u05dc\u05d5\u05dd\u200f \u0645\u0631\u062d\u0628\u0627\u061c'];

  it('are shown as code points in panels, the same way as in Markdown', () => {
    for (const text of SAMPLES) {
      assert.doesNotMatch(shownText(text), /[\u202a-\u202e\u2066-\u2069]/);
      // The panels cannot import the core's logic, so the two are kept in step here.
      assert.equal(shownText(text), showBidiControls(text));
    }
    assert.equal(shownText('Trust\u202E (removed)'), 'Trust⟦U+202E⟧ (removed)');
    assert.equal(shownText(SAMPLES[3]), SAMPLES[3], 'right-to-left writing and its marks are left as they are');
  });
});
