// Events stage (per-architecture lowering): the target tables by name.
import { arm64 } from './arm64';
import { arm64Llsc } from './arm64-llsc';
import { power } from './power';
import { riscv } from './riscv';
import type { TargetId, TargetTable } from './types';
import { x86_64 } from './x86-64';

export const TARGETS: Readonly<Record<TargetId, TargetTable>> = {
  'x86-64': x86_64,
  arm64,
  'arm64-llsc': arm64Llsc,
  power,
  riscv,
};

export function isTargetId(name: string): name is TargetId {
  return Object.hasOwn(TARGETS, name);
}
