// Advise: variants reach the ordinary checker, which stops at the first execution reaching the
// outcome; a variant that cannot be checked says why instead of throwing.
import * as fs from 'node:fs';
import { expect } from 'chai';
import { checkVariant } from '../../src/advise';
import { statusOf } from '../../src/advise/checker';
import { parseLitmus } from '../../src/litmus';
import { setupOf } from './support';

function test(file: string) {
  return parseLitmus(fs.readFileSync(file, 'utf8'), file).value!;
}

describe('advise: checking variants', () => {
  it('stops at the first execution that satisfies the condition, when asked', () => {
    const l = setupOf('lkmm');
    const t = test('litmus/classic/counter+atomic-incs.litmus');
    const options = { variants: l.setup.variants };
    const full = checkVariant({ test: t }, l.macros, l.model, options);
    const first = checkVariant({ test: t, stopAtFirst: 'satisfied' }, l.macros, l.model, options);
    if (full.kind !== 'checked' || first.kind !== 'checked') throw new Error('not checked');
    expect([full.result.satisfied, first.result.satisfied]).to.deep.equal([2, 1]);
    expect(first.result.candidates).to.be.below(full.result.candidates);
    expect(statusOf(first, t)).to.deep.equal({ status: 'allowed' });
  });

  it('reads a forbidden outcome, one with a data race, and one it could not check', () => {
    const l = setupOf('lkmm');
    const options = { variants: l.setup.variants };
    const mbs = test('litmus/classic/SB+mbs.litmus');
    expect(
      statusOf(
        checkVariant({ test: mbs, stopAtFirst: 'satisfied' }, l.macros, l.model, options),
        mbs,
      ),
    ).to.deep.equal({
      status: 'forbidden',
    });
    const racy = test('litmus/classic/MP+plain+wmb+rmb.litmus');
    const marked = {
      ...racy,
      condition: {
        ...racy.condition!,
        quantifier: 'exists' as const,
        prop: { kind: 'ConstProp' as const, value: false, span: racy.span },
      },
    };
    expect(
      statusOf(checkVariant({ test: marked }, l.macros, l.model, options), marked).status,
    ).to.equal('racy');
    const unknown = {
      ...mbs,
      threads: [
        {
          ...mbs.threads[0],
          body: [
            {
              kind: 'ExprStmt' as const,
              expr: {
                kind: 'CallExpr' as const,
                name: 'smp_frob',
                nameSpan: mbs.span,
                args: [],
                span: mbs.span,
              },
              span: mbs.span,
            },
          ],
        },
      ],
    };
    const status = statusOf(checkVariant({ test: unknown }, l.macros, l.model, options), unknown);
    expect(status.status).to.equal('unknown');
    expect(status.why).to.match(/unknown primitive smp_frob/);
  });
});
