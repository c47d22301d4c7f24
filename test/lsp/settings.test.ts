import { expect } from 'chai';
import { DEFAULT_SETTINGS, readSettings } from '../../src/lsp/settings';

describe('lsp/settings', () => {
  it('reads the ordo section an editor sends', () => {
    expect(
      readSettings({
        config: 'models/linux-kernel.cfg',
        targets: ['sc.cfg', 3, ''],
        includeDirs: ['lib'],
        limits: { timeoutSeconds: 2.5, maxCandidates: 1000 },
        debounceMs: 0,
      }),
    ).to.deep.equal({
      config: 'models/linux-kernel.cfg',
      targets: ['sc.cfg'],
      includeDirs: ['lib'],
      limits: { timeoutMs: 2500, maxCandidates: 1000 },
      debounceMs: 0,
    });
  });

  it('falls back to the defaults for missing or bad values', () => {
    expect(readSettings(null)).to.deep.equal({ ...DEFAULT_SETTINGS, config: undefined });
    expect(
      readSettings({ config: ' ', limits: { timeoutSeconds: -1 }, debounceMs: 'soon' }),
    ).to.deep.equal({
      ...DEFAULT_SETTINGS,
      config: undefined,
    });
  });
});
