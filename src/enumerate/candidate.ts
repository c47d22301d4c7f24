// Enumeration stage: one candidate execution as the model sees it: its structure's sets and
// relations (shared, see StructureView) plus reads-from, the final writes and herd's `pco`.
import type { Execution } from '../interp/execution';
import { type EventSet, type Relation, rel } from '../relations';
import type { StructureView } from './structure-view';

export class Candidate implements Execution {
  private rfRel: Relation | undefined;
  private readonly derived = new Map<string, Relation>();

  constructor(
    readonly view: StructureView,
    /** (write, read) pairs. */
    private readonly rfPairs: readonly (readonly [number, number])[],
    private readonly finalWrites: EventSet,
    /** herd's pco, computed only if the model asks for it. */
    private readonly pcoPairs: () => readonly (readonly [number, number])[],
    private readonly values: (e: number) => number | string | undefined,
  ) {}

  get size(): number {
    return this.view.size;
  }

  get structureKey(): object {
    return this.view;
  }

  set(name: string): EventSet | undefined {
    return name === 'FW' ? this.finalWrites : this.view.set(name);
  }

  relation(name: string): Relation | undefined {
    switch (name) {
      case 'rf':
        return this.rf();
      case 'rfe':
      case 'rfi':
      case 'pco':
        return this.derive(name);
      default:
        return this.view.relation(name);
    }
  }

  private rf(): Relation {
    this.rfRel ??= rel.ofPairs(this.size, this.rfPairs);
    return this.rfRel;
  }

  private derive(name: 'rfe' | 'rfi' | 'pco'): Relation {
    let r = this.derived.get(name);
    if (!r) {
      r =
        name === 'pco'
          ? rel.ofPairs(this.size, this.pcoPairs())
          : rel.inter(this.rf(), this.view.relation(name === 'rfe' ? 'ext' : 'int')!);
      this.derived.set(name, r);
    }
    return r;
  }

  tagged(tag: string): EventSet {
    return this.view.tagged(tag);
  }

  locationOf(event: number): number {
    return this.view.locOf[event];
  }

  valueOf(event: number): number | string | undefined {
    return this.values(event);
  }
}
