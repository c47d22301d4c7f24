// LSP adapter: hovers in litmus files: a primitive (definition, LKMM ordering, instructions per
// architecture), a shared location (which threads access it), a register.
import type { MarkupContent } from 'vscode-languageserver';
import type { LocationInfo, TestNames } from './litmus-names';
import { loweringLines } from './lowering-text';
import { describePrimitive, type MacroTable } from './primitive-info';
import { regionAt, splitRegisterRef, type Token, tokenAt } from './text-context';

export interface HoverFacts {
  readonly names?: TestNames;
  readonly macros?: MacroTable;
}

export interface HoverAnswer {
  readonly contents: MarkupContent;
  readonly token: Token;
}

export function hoverAt(text: string, offset: number, facts: HoverFacts): HoverAnswer | undefined {
  const token = tokenAt(text, offset);
  if (!token) return undefined;
  const markdown = describeToken(text, token, facts);
  return markdown ? { contents: { kind: 'markdown', value: markdown }, token } : undefined;
}

function describeToken(text: string, token: Token, facts: HoverFacts): string | undefined {
  const ref = splitRegisterRef(token.text);
  if (ref) return describeRegister(ref.thread, ref.reg, facts.names);
  const region = regionAt(text, token.start);
  const called = /^\s*\(/.test(text.slice(token.end));
  if (facts.macros && (called || region.kind === 'thread')) {
    const primitive = describePrimitiveMarkdown(token.text, facts.macros);
    if (primitive) return primitive;
  }
  const location = facts.names?.locations.get(token.text);
  if (location && (region.kind !== 'thread' || isParam(facts.names, region.thread, token.text))) {
    return describeLocation(location);
  }
  if (region.kind === 'thread') return describeRegister(region.thread, token.text, facts.names);
  return undefined;
}

function isParam(names: TestNames | undefined, thread: number, name: string): boolean {
  return names?.params.get(thread)?.includes(name) ?? false;
}

export function describePrimitiveMarkdown(name: string, macros: MacroTable): string | undefined {
  const info = describePrimitive(name, macros);
  if (!info) return undefined;
  const kind = info.macro.body.kind === 'ExprBody' ? 'expression' : 'statement';
  const lines = [
    `**${name}**(${info.macro.formals.join(', ')}): ${kind} macro of \`${baseName(macros.file)}\``,
    '',
    '```c',
    info.definition,
    '```',
  ];
  if (info.ordering.length > 0) {
    lines.push('', ...info.ordering.map((s) => `LKMM: ${s}.`));
  }
  const lowering = loweringLines(name);
  if (lowering.length > 0) {
    lines.push('', '| target | the kernel emits |', '|---|---|');
    for (const l of lowering) lines.push(`| ${l.target} | ${cell(l.text)} |`);
    const sources = [...new Set(lowering.map((l) => l.source))];
    lines.push('', `_From ${sources.join('; ')}_`);
  }
  return lines.join('\n');
}

function describeLocation(loc: LocationInfo): string {
  const init = loc.init;
  const initial =
    init?.value === undefined
      ? 'initially 0'
      : init.value.kind === 'IntValue'
        ? `initially ${init.value.value}`
        : init.value.kind === 'AddressValue'
          ? `initially the address of \`${init.value.name}\``
          : `an array of ${init.value.size}`;
  const type = init?.type ? ` (\`${init.type}\`)` : '';
  const lines = [`**${loc.name}**: shared location${type}, ${initial}.`];
  if (loc.accesses.length === 0) lines.push('', 'No thread accesses it.');
  else {
    lines.push('', 'Accessed by:');
    for (const a of loc.accesses) {
      const how = [
        ...a.primitives.map((p) => `\`${p}\``),
        ...(a.plainRead ? ['plain load'] : []),
        ...(a.plainWrite ? ['plain store'] : []),
      ];
      lines.push(`- P${a.thread}: ${how.length > 0 ? how.join(', ') : 'as a pointer'}`);
    }
  }
  if (loc.inCondition) lines.push('', 'Observed by the final condition.');
  return lines.join('\n');
}

function describeRegister(
  thread: number,
  reg: string,
  names: TestNames | undefined,
): string | undefined {
  if (!names?.registers.get(thread)?.includes(reg)) return undefined;
  return `**${reg}**: register of P${thread} (in the condition: \`${thread}:${reg}\`).`;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|');
}

function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, '');
}
