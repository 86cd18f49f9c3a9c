import { strict as assert } from 'node:assert';
import { AnalysisContext, CodeLookupError, ExpressionSyntaxError, formatExpression, leftOutSubcodes, parseCodeExpression, runExpression } from '../../../src/core/analysis';
import { fixtureProject } from './analysis-fixture';

const texts = (expression: string, filter = {}) =>
  runExpression(new AnalysisContext(fixtureProject()), parseCodeExpression(expression), filter).map((h) => `${h.transcript}: ${h.text}`);

describe('code expressions', () => {
  describe('parsing', () => {
    it('reads names of several words, quoted names, sub-codes and precedence', () => {
      assert.deepEqual(parseCodeExpression('Fear of authorities AND Pay'), { and: [{ code: 'Fear of authorities' }, { code: 'Pay' }] });
      assert.deepEqual(parseCodeExpression('"AND then"/** NEAR/TURN Trust'), { near: [{ code: 'AND then', subcodes: true }, { code: 'Trust' }], turn: true });
      assert.deepEqual(parseCodeExpression('A OR B AND C'), { or: [{ code: 'A' }, { and: [{ code: 'B' }, { code: 'C' }] }] });
      assert.deepEqual(parseCodeExpression('(A OR B) AND NOT C'), { and: [{ or: [{ code: 'A' }, { code: 'B' }] }, { not: { code: 'C' } }] });
      assert.deepEqual(parseCodeExpression('A FOLLOWED BY/50 Parent/Child/**'), { followedBy: [{ code: 'A' }, { code: 'Parent/Child', subcodes: true }], words: 50 });
      assert.deepEqual(parseCodeExpression('Android NEAR/3 Order'), { near: [{ code: 'Android' }, { code: 'Order' }], words: 3 });
    });

    it('writes back what it reads', () => {
      for (const source of ['Invalidation AND Pay', '(A OR B) AND NOT C', 'A NEAR/TURN "AND then"/**', 'A FOLLOWED BY/100 B']) {
        assert.deepEqual(parseCodeExpression(formatExpression(parseCodeExpression(source))), parseCodeExpression(source));
      }
    });

    it('says where an expression is broken', () => {
      assert.throws(() => parseCodeExpression('Pay AND'), (e: unknown) => e instanceof ExpressionSyntaxError && /missing at the end/.test(e.message));
      assert.throws(() => parseCodeExpression('(Pay OR Family'), /closing parenthesis/);
      assert.throws(() => parseCodeExpression('Pay ) Family'), /unexpected "\)" \(at character 5\)/);
      assert.throws(() => parseCodeExpression('   '), /empty/);
      assert.throws(() => parseCodeExpression('"Pay'), /not closed/);
    });

    it('names a missing or ambiguous code', () => {
      assert.throws(() => texts('Pay AND Hope'), (e: unknown) => e instanceof CodeLookupError && e.message === 'No code is named "Hope".');
      const project = fixtureProject();
      project.codes.push({ id: 'low2', name: 'Low pay', parent: 'fam' });
      assert.throws(() => runExpression(new AnalysisContext(project), parseCodeExpression('low pay')), /Several codes are named "low pay": write the whole path \("Pay\/Low pay", "Family\/Low pay"\)/);
    });
  });

  describe('on coded text', () => {
    it('AND is the text coded with both', () => {
      assert.deepEqual(texts('Invalidation AND Pay'), ['a.md: The pay']);
    });

    it('finds codes by path and without regard to case', () => {
      assert.deepEqual(texts('invalidation and pay'.replace(' and ', ' AND ')), ['a.md: The pay']);
      assert.deepEqual(texts('Pay/Low pay'), ['a.md: pay was low']);
    });

    it('OR is the text coded with either, passage by passage', () => {
      assert.deepEqual(texts('Pay OR Family'), ['b.md: Money was short.', 'a.md: The pay was low.', 'a.md: My family helped.']);
    });

    it('NOT leaves out the text coded with a code', () => {
      assert.deepEqual(texts('Invalidation AND NOT Pay'), ['b.md: Nobody listened to me.', 'a.md: I felt unheard at work. ']);
    });

    it('a code with its sub-codes covers their text too', () => {
      assert.deepEqual(texts('Family OR Pay/**', { coders: ['sam'] }), ['b.md: Money was short.', 'a.md: pay was low', 'a.md: My family helped.']);
      assert.deepEqual(texts('Family OR Pay', { coders: ['sam'] }), ['b.md: Money was short.', 'a.md: My family helped.']);
    });

    it('NEAR/TURN keeps passages of both sides in one speaker turn', () => {
      assert.deepEqual(texts('Invalidation NEAR/TURN Family'), ['a.md: I felt unheard at work. The pay', 'a.md: My family helped.']);
    });

    it('NEAR/N counts the words between the passages', () => {
      // " was low. " lies between "…The pay" and "My family…": two words.
      assert.equal(texts('Invalidation NEAR/2 Family').length, 2);
      assert.deepEqual(texts('Invalidation NEAR/1 Family'), []);
    });

    it('FOLLOWED BY spans from the first passage to the end of the one after it', () => {
      assert.deepEqual(texts('Invalidation FOLLOWED BY/5 Pay'), ['b.md: Nobody listened to me. Money was short.', 'a.md: I felt unheard at work. The pay was low.']);
      assert.deepEqual(texts('Pay FOLLOWED BY Invalidation'), []);
    });

    it('nests', () => {
      assert.deepEqual(texts('(Invalidation NEAR/TURN Family) AND NOT (Pay OR Family)'), ['a.md: I felt unheard at work. ']);
    });

    it('combines with filters on coders, attributes and speakers', () => {
      assert.deepEqual(texts('Invalidation OR Pay', { attributes: [{ attribute: 'age', min: 30 }] }), ['b.md: Nobody listened to me.', 'b.md: Money was short.']);
      assert.deepEqual(texts('Invalidation AND Pay', { coders: ['sam'] }), []);
      assert.deepEqual(texts('Pay', { speakers: ['BEN'] }), ['b.md: Money was short.']);
    });
  });

  it('suggests the codes a missing name may have meant, and how operators are written', () => {
    const message = (expression: string) => {
      try {
        texts(expression);
      } catch (error) {
        if (error instanceof CodeLookupError) return error.message;
      }
      return assert.fail(`${expression}: no CodeLookupError`);
    };
    // Part of a longer name: "Low" is in "Pay/Low pay".
    assert.equal(message('Invalidation AND Low'), 'No code is named "Low". Did you mean "Pay/Low pay"?');
    // One typo in a name of 4–7 letters, two from 8 on; none for 3 letters (too many would be near).
    assert.equal(message('Famly'), 'No code is named "Famly". Did you mean "Family"?');
    assert.equal(message('Invaldiatoin'), 'No code is named "Invaldiatoin". Did you mean "Invalidation"?');
    assert.equal(message('Paz'), 'No code is named "Paz".');
    assert.equal(message('Invalidation NEAR Money'), 'No code is named "Money".');
    // Operators typed in lower case make one long name; the message writes them in capitals, with their argument.
    const capitals = 'Operators are written in capitals (AND, OR, NOT, NEAR/N, NEAR/TURN, FOLLOWED BY/N)';
    assert.equal(message('invalidation and pay'), `No code is named "invalidation and pay". ${capitals}: did you mean invalidation AND pay?`);
    assert.equal(message('Invalidation near/5 Pay'), `No code is named "Invalidation near/5 Pay". ${capitals}: did you mean Invalidation NEAR/5 Pay?`);
    assert.equal(message('Invalidation near Pay'), `No code is named "Invalidation near Pay". ${capitals}: did you mean Invalidation NEAR Pay?`);
    assert.equal(message('Pay followed by/20 family'), `No code is named "Pay followed by/20 family". ${capitals}: did you mean Pay FOLLOWED BY/20 family?`);
    assert.equal(message('Invalidation near/turn Pay'), `No code is named "Invalidation near/turn Pay". ${capitals}: did you mean Invalidation NEAR/TURN Pay?`);
  });

  it('says what is wrong with an operator written in capitals but not in one of its forms', () => {
    const forms = 'write NEAR/N (within N words, a whole number: NEAR/5) or NEAR/TURN (in the same speaker turn)';
    // Each used to be one long name: No code is named "Invalidation NEAR/abc Pay".
    assert.throws(() => parseCodeExpression('Invalidation NEAR/abc Pay'), (e: unknown) => e instanceof ExpressionSyntaxError && e.message === `"NEAR/abc" is not an operator: ${forms} (at character 14)`);
    assert.throws(() => parseCodeExpression('Invalidation NEAR/5.5 Pay'), new RegExp(`"NEAR/5\\.5" is not an operator: ${forms.replace(/[()/]/g, '\\$&')}`));
    assert.throws(() => parseCodeExpression('(Invalidation) NEAR/ Pay'), /"NEAR\/" is not an operator/);
    assert.throws(() => parseCodeExpression('Invalidation NEAR/turn Pay'), /"NEAR\/turn": write NEAR\/TURN in capitals \(at character 14\)$/);
    assert.throws(() => parseCodeExpression('Invalidation FOLLOWED Pay'), /FOLLOWED is written FOLLOWED BY \(the next passage within 100 words\) or FOLLOWED BY\/N \(within N words\)/);
    assert.throws(() => parseCodeExpression('Invalidation FOLLOWED BY/x Pay'), /"FOLLOWED BY\/x" is not an operator: write FOLLOWED BY or FOLLOWED BY\/N/);
    // Words that only begin like an operator are names; a quoted name may hold anything.
    assert.deepEqual(parseCodeExpression('NEARBY AND "FOLLOWED up"'), { and: [{ code: 'NEARBY' }, { code: 'FOLLOWED up' }] });
  });

  it('takes a name in double quotes where one code is asked for, as expressions write it', () => {
    const context = new AnalysisContext(fixtureProject());
    assert.equal(context.lookup.resolve('"Pay/Low pay"'), 'low');
    assert.equal(context.lookup.resolve(' "low pay" '), 'low');
    // Quoted, its words are a name: suggestions for the name, none about operators.
    assert.throws(() => context.lookup.resolve('"Family and pay"'), (e: unknown) => e instanceof CodeLookupError && e.message === 'No code is named "Family and pay".');
    assert.throws(() => context.lookup.resolve('"Low pya"'), (e: unknown) => e instanceof CodeLookupError && e.message === 'No code is named "Low pya". Did you mean "Pay/Low pay"?');
    // A code whose name has the quotes itself is found as written.
    const project = fixtureProject();
    project.codes.push({ id: 'q', name: '"Quoted"', parent: null });
    assert.equal(new AnalysisContext(project).lookup.resolve('"Quoted"'), 'q');
  });

  it('notes a parent code named without /** whose segments are all in its sub-codes', () => {
    // Pay (own segments s2, s6; sub-code Low pay) moves under a new Finances, which has none of its own.
    const project = fixtureProject();
    project.codes.push({ id: 'fin', name: 'Finances', parent: null });
    project.codes.find((c) => c.id === 'pay')!.parent = 'fin';
    const context = new AnalysisContext(project);
    const notes = (expression: string) => leftOutSubcodes(context, parseCodeExpression(expression));
    const note = '"Finances" has no segments of its own; its sub-codes are not included: write Finances/** to include them.';
    assert.deepEqual(notes('Finances'), [note]);
    assert.deepEqual(notes('Invalidation AND (Finances OR NOT Finances)'), [note], 'once, however often it is named');
    assert.deepEqual(notes('Finances/**'), []);
    assert.deepEqual(notes('Finances/Pay'), [], 'Pay has segments of its own: naming it alone may be meant');
    assert.deepEqual(notes('Family'), [], 'no sub-codes');
    // The answer itself stays what the expression says.
    assert.deepEqual(runExpression(context, parseCodeExpression('Finances')), []);
  });
});
