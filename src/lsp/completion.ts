// LSP adapter: completion in litmus files: primitives of the `.def` in use, locations and
// registers, according to where the cursor is (init section, a thread, the condition).
import {
  type CompletionItem,
  CompletionItemKind,
  InsertTextFormat,
  type Range,
} from 'vscode-languageserver';
import { unreachable } from '../litmus/ast';
import { describePrimitiveMarkdown } from './hover';
import type { TestNames } from './litmus-names';
import type { MacroTable } from './primitive-info';
import { prefixAt, regionAt } from './text-context';

export interface CompletionFacts {
  readonly names?: TestNames;
  readonly macros?: MacroTable;
  readonly snippets: boolean;
}

/** `toRange` maps offsets of the text to the editor's positions. */
export function completeAt(
  text: string,
  offset: number,
  facts: CompletionFacts,
  toRange: (start: number, end: number) => Range,
): CompletionItem[] {
  const prefix = prefixAt(text, offset);
  const range = toRange(prefix.start, prefix.end);
  const item = (label: string, kind: CompletionItemKind, detail: string): CompletionItem => ({
    label,
    kind,
    detail,
    textEdit: { range, newText: label },
  });
  const region = regionAt(text, offset);
  const locations = [...(facts.names?.locations.keys() ?? [])];
  switch (region.kind) {
    case 'init':
      return locations.map((l) => item(l, CompletionItemKind.Field, 'shared location'));
    case 'constraint': {
      const items = locations.map((l) => item(l, CompletionItemKind.Field, 'shared location'));
      for (const [thread, regs] of facts.names?.registers ?? []) {
        for (const r of regs) {
          items.push(item(`${thread}:${r}`, CompletionItemKind.Variable, `register of P${thread}`));
        }
      }
      return items;
    }
    case 'thread': {
      const params = facts.names?.params.get(region.thread) ?? [];
      const regs = facts.names?.registers.get(region.thread) ?? [];
      return [
        ...params.map((p) =>
          item(p, CompletionItemKind.Field, `shared location (parameter of P${region.thread})`),
        ),
        ...regs.map((r) => item(r, CompletionItemKind.Variable, `register of P${region.thread}`)),
        ...primitiveItems(facts, range),
      ];
    }
    default:
      return unreachable(region);
  }
}

function primitiveItems(facts: CompletionFacts, range: Range): CompletionItem[] {
  const table = facts.macros;
  if (!table) return [];
  return [...table.macros.values()].map((m) => {
    // A statement macro is a whole statement: `WRITE_ONCE(X, V);`.
    const end = m.body.kind === 'StmtBody' ? ';' : '';
    const snippet = `${m.name}(${m.formals.map((f, i) => `\${${i + 1}:${f}}`).join(', ')})${end}`;
    const doc = describePrimitiveMarkdown(m.name, table);
    return {
      label: m.name,
      kind: CompletionItemKind.Function,
      detail: `${m.name}(${m.formals.join(', ')})`,
      ...(doc ? { documentation: { kind: 'markdown' as const, value: doc } } : {}),
      textEdit: { range, newText: facts.snippets ? snippet : m.name },
      insertTextFormat: facts.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    };
  });
}
