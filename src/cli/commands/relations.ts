import { resolve } from 'node:path';
import { relationsMermaid, relationsNetwork, renderRelationsSvg, svgMarkup, type LayoutDirection } from '../../core/relations';
import { loadSnapshot } from '../../core/project-index';
import { NodeFileSystem } from '../../node/node-file-system';
import { leftOutOf } from '../../core/validation/left-out';
import { formatOption, warnLeftOut } from '../analysis-input';
import type { CliCommand } from '../cli-command';
import { writeOutput } from '../write-output';
import { projectRootOrExplain } from '../project-root';

export const relationsCommand: CliCommand = {
  name: 'relations',
  usage: 'relations [dir] [--format svg|mermaid|json] [--out FILE]   The relations between codes as a drawing (SVG), Mermaid text or JSON',
  help: [
    'Draws the network of codes that have relations (Relate Code… in the editor, "relations" in the',
    'code files): one box per code, sized by its segments, one labelled arrow per relation.',
    '',
    'Options:',
    '  --format svg       an SVG drawing, laid out like the Relations panel (default)',
    '  --format mermaid   Mermaid flowchart text, for a README or a paper (GitHub renders it)',
    '  --format json      the codes, relations and computed layout as JSON',
    '  --direction TB|LR  top to bottom (default) or left to right',
    '  --out FILE         write to FILE instead of standard output',
    '',
    'Relations to codes that are not in the codebook are left out; grounded validate reports them.',
  ].join('\n'),
  options: { format: { type: 'string' }, out: { type: 'string', short: 'o' }, direction: { type: 'string' } },
  async run([dir], values, io) {
    const format = formatOption(values.format, ['svg', 'mermaid', 'json'], 'svg');
    if (!format) {
      io.err('grounded relations: --format is svg, mermaid or json\n');
      return 2;
    }
    const direction = formatOption(values.direction, ['TB', 'LR'], 'TB') as LayoutDirection | undefined;
    if (!direction) {
      io.err('grounded relations: --direction is TB (top to bottom) or LR (left to right)\n');
      return 2;
    }
    const root = projectRootOrExplain(dir, io);
    if (!root) return 2;
    const fs = new NodeFileSystem(root);
    const snapshot = await loadSnapshot(fs);
    const network = relationsNetwork(snapshot, direction);
    const text =
      format === 'mermaid'
        ? relationsMermaid(network.graph, direction)
        : format === 'json'
          ? `${JSON.stringify({ types: network.types, nodes: network.layout.nodes, edges: network.layout.edges, width: network.layout.width, height: network.layout.height }, null, 2)}\n`
          : `<?xml version="1.0" encoding="UTF-8"?>\n${svgMarkup(renderRelationsSvg(network.layout, { title: snapshot.config.name, standalone: true }))}\n`;
    if (typeof values.out === 'string') {
      const out = resolve(io.cwd, values.out);
      await writeOutput(out, text);
      io.out(`${network.graph.nodes.length} code(s), ${network.graph.edges.length} relation(s)\nwritten to ${out}\n`);
    } else io.out(text);
    if (network.graph.edges.length === 0) io.err('note: no relations between codes yet (relate codes with "Grounded: Relate Code…" in the editor)\n');
    return warnLeftOut('relations', await leftOutOf(fs, snapshot), io);
  },
};
