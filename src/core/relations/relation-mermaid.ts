/**
 * The relations network as Mermaid `flowchart` text, for papers and READMEs (GitHub and GitLab
 * render it). Code names are untrusted: Mermaid reads a label up to the next `"`, turns `#name;` and
 * `#123;` into characters, `<br>` and a literal `\n` into line breaks, a label in backticks into
 * Markdown, and renders the result as HTML. So every label is quoted, and every character other
 * than letters, digits, spaces and plain punctuation is written as a numeric entity (`#60;` for
 * `<`), which Mermaid shows as that character and nothing else. Node ids are generated (`n1`…),
 * never taken from project text.
 */
import type { RelationGraph } from './relation-graph';
import type { LayoutDirection } from './relation-layout';

const PLAIN = /[\p{L}\p{M}\p{N} \-_.,:!?'()/+]/u;

/** A label's text as Mermaid shows it literally inside double quotes. */
export function mermaidLabel(text: string): string {
  let out = '';
  for (const ch of text.replace(/\s+/g, ' ').trim()) out += PLAIN.test(ch) ? ch : `#${ch.codePointAt(0)!};`;
  return `"${out}"`;
}

export function relationsMermaid(graph: RelationGraph, direction: LayoutDirection = 'TB'): string {
  const ids = new Map(graph.nodes.map((n, i) => [n.id, `n${i + 1}`]));
  const lines = [`flowchart ${direction}`];
  for (const node of graph.nodes) lines.push(`  ${ids.get(node.id)!}[${mermaidLabel(node.label)}]`);
  for (const edge of graph.edges) {
    const from = ids.get(edge.source);
    const to = ids.get(edge.target);
    if (from && to) lines.push(`  ${from} -->|${mermaidLabel(edge.label)}| ${to}`);
  }
  return `${lines.join('\n')}\n`;
}
