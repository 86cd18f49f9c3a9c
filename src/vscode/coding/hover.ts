import * as vscode from 'vscode';
import { hoverMarkdown } from '../../core/views/hover-text';
import type { ProjectHost } from '../project/project-host';
import type { TranscriptTracker } from './transcript-tracker';

/** Hovering coded text lists its codes, coders and comments. */
export function registerCodingHover(host: ProjectHost, tracker: TranscriptTracker): vscode.Disposable {
  return vscode.languages.registerHoverProvider(
    { language: 'markdown' },
    {
      async provideHover(document, position) {
        const tracked = await tracker.open(document);
        const project = host.project;
        if (!tracked || !project) return undefined;
        const offset = tracked.text.offsetAt(position);
        const here = tracked.session.at(offset).filter((p) => p.range && p.range.end > p.range.start);
        if (here.length === 0) return undefined;
        const markdown = new vscode.MarkdownString(hoverMarkdown(here, project.store.codebook()));
        // HTML only for the colour swatch; untrusted text is escaped and commands stay disabled.
        markdown.supportHtml = true;
        markdown.isTrusted = false;
        const ranges = here.map((p) => p.range!);
        const start = Math.min(...ranges.map((r) => r.start));
        const end = Math.max(...ranges.map((r) => r.end));
        return new vscode.Hover(markdown, tracked.text.range({ start, end }));
      },
    },
  );
}
