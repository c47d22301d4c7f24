import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import fc from 'fast-check';
import { readFileOrUndefined } from '../../src/cat';
import { type CompiledModel, loadModel } from '../../src/interp';
import { buildExecution } from '../support/build-execution';
import { arbitraryCandidates, arbitraryExecution } from '../support/random-execution';
import { mustCompile, runCat } from '../support/run-cat';

const LKMM = path.resolve('..', 'shared', 'corpus', 'lkmm');
const LIBRARY = ['stdlib.cat', 'cross.cat', 'cos-opt.cat'];

/** Reads files, except upstream's copies of the library: those then come from cat-models/. */
function withoutUpstreamLibrary(file: string): string | undefined {
  return path.dirname(file) === LKMM && LIBRARY.includes(path.basename(file))
    ? undefined
    : readFileOrUndefined(file);
}

/** Accepted branches as comparable text, in a canonical order. */
function outcome(
  model: CompiledModel,
  spec: Parameters<typeof buildExecution>[0],
  names: string[],
): string[] {
  return runCat(model, buildExecution(spec), names)
    .map((b) => JSON.stringify(b))
    .sort();
}

describe("ordo's cat library (cat-models/) against upstream's", function () {
  this.timeout(120_000);
  before(function () {
    if (!fs.existsSync(LKMM)) {
      console.log(`    note: ${LKMM} not found, library comparison skipped`);
      this.skip();
    }
  });

  const COHERENCE = [
    'co',
    'coi',
    'coe',
    'fr',
    'fri',
    'fre',
    'cobase',
    'co0',
    'rmw',
    'rfe',
    'rfi',
    'po-loc',
  ];

  it('enumerates the same coherence orders with the same derived relations', () => {
    // The same model text, with the library from upstream's folder or from ours.
    const text = 'include "cos-opt.cat"';
    const upstream = mustCompile(text, { includeDirs: [LKMM] });
    const ours = mustCompile(text);
    fc.assert(
      fc.property(arbitraryExecution, (spec) => {
        expect(outcome(ours, spec, COHERENCE)).to.deep.equal(outcome(upstream, spec, COHERENCE));
      }),
      { numRuns: 60 },
    );
  });

  it('gives the LKMM the same verdicts, flags and relations', () => {
    const spec = {
      model: path.join(LKMM, 'linux-kernel.cat'),
      bell: path.join(LKMM, 'linux-kernel.bell'),
    };
    const options = { variants: ['lkmmv2'], includeDirs: [] };
    const upstream = loadModel(spec, options).value!;
    const ours = loadModel(spec, { ...options, readFile: withoutUpstreamLibrary }).value!;
    expect(ours).to.not.equal(undefined);
    const names = ['co', 'rf', 'fr', 'hb', 'pb', 'rb', 'rmw'];
    fc.assert(
      fc.property(arbitraryExecution, (s) => {
        expect(outcome(ours, s, names)).to.deep.equal(outcome(upstream, s, names));
      }),
      { numRuns: 40 },
    );
  });
});

describe('structure cache', function () {
  this.timeout(120_000);
  before(function () {
    if (!fs.existsSync(LKMM)) {
      console.log(`    note: ${LKMM} not found, cache comparison skipped`);
      this.skip();
    }
  });

  it('gives every candidate of one event structure the results it gets alone', () => {
    const model = loadModel(
      { model: path.join(LKMM, 'linux-kernel.cat'), bell: path.join(LKMM, 'linux-kernel.bell') },
      { variants: ['lkmmv2'], includeDirs: [] },
    ).value!;
    const names = ['co', 'rf', 'fr', 'hb', 'pb', 'rb', 'mb', 'ppo'];
    fc.assert(
      fc.property(arbitraryCandidates, (candidates) => {
        const cached = candidates.map((c) => outcome(model, c, names));
        const alone = candidates.map((c) => outcome(model, { ...c, structureKey: {} }, names));
        expect(cached).to.deep.equal(alone);
      }),
      { numRuns: 30 },
    );
  });
});
