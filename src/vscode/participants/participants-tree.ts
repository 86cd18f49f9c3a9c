import * as vscode from 'vscode';
import { displayValue, type AttributeIssue, type AttributeType, type Participant } from '../../core/participants';
import type { FileProblem } from '../../core/model';
import { escapeMarkdown, treeItemText, untrustedMarkdown } from '../ui/untrusted';
import type { ProjectHost } from '../project/project-host';
import type { ParticipantsModel } from './participants-model';

export type ParticipantNode =
  | { kind: 'participant'; transcript: string }
  | { kind: 'attribute'; transcript: string; attribute: string }
  | { kind: 'schemaProblem'; problem: FileProblem };

const TYPE_ICONS: Record<AttributeType, string> = { text: 'symbol-string', number: 'symbol-number', date: 'calendar', category: 'symbol-enum' };

/**
 * The Participants view: one entry per transcript, named by its participant, with its attributes
 * underneath. A missing value or one of the wrong type shows a warning, on the attribute and on
 * the participant; problems of `.grounded/attributes.json` itself are listed first.
 */
export class ParticipantsTreeProvider implements vscode.TreeDataProvider<ParticipantNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ParticipantNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private byTranscript: { overview: object; participants: Map<string, Participant> } | undefined;

  constructor(
    private readonly host: ProjectHost,
    private readonly model: ParticipantsModel,
  ) {
    this.disposables.push({ dispose: model.onDidChange(() => this.changed.fire(undefined)).dispose });
  }

  getChildren(node?: ParticipantNode): ParticipantNode[] {
    const overview = this.model.overview;
    if (!overview) return [];
    if (!node) {
      return [
        ...overview.schemaProblems.map((problem): ParticipantNode => ({ kind: 'schemaProblem', problem })),
        ...overview.participants.map((p): ParticipantNode => ({ kind: 'participant', transcript: p.transcript })),
      ];
    }
    if (node.kind !== 'participant') return [];
    const participant = this.participant(node.transcript);
    if (!participant) return [];
    const declared = overview.schema.attributes.map((a) => a.name);
    const others = participant.issues.filter((i) => i.kind === 'undeclared').map((i) => i.attribute!);
    return [...declared, ...others].map((attribute) => ({ kind: 'attribute', transcript: node.transcript, attribute }));
  }

  getParent(node: ParticipantNode): ParticipantNode | undefined {
    return node.kind === 'attribute' ? { kind: 'participant', transcript: node.transcript } : undefined;
  }

  getTreeItem(node: ParticipantNode): vscode.TreeItem {
    if (node.kind === 'schemaProblem') return schemaProblemItem(node.problem, this.host);
    const participant = this.participant(node.transcript);
    if (!participant) return new vscode.TreeItem(node.transcript);
    return node.kind === 'participant' ? this.participantItem(participant) : this.attributeItem(participant, node.attribute);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private participant(transcript: string): Participant | undefined {
    const overview = this.model.overview;
    if (!overview) return undefined;
    // One lookup per item shown: a list, not a scan of a thousand participants each time.
    if (this.byTranscript?.overview !== overview) this.byTranscript = { overview, participants: new Map(overview.participants.map((p) => [p.transcript, p])) };
    return this.byTranscript.participants.get(transcript);
  }

  private participantItem(participant: Participant): vscode.TreeItem {
    const item = new vscode.TreeItem(participant.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `participant:${participant.transcript}`;
    item.contextValue = 'participant';
    item.description = participant.transcript;
    const issues = participant.issues;
    item.iconPath = new vscode.ThemeIcon(issues.length > 0 ? 'warning' : 'person', issues.length > 0 ? new vscode.ThemeColor('list.warningForeground') : undefined);
    const tooltip = untrustedMarkdown(`**${escapeMarkdown(participant.name)}** — ${escapeMarkdown(participant.transcript)}`);
    for (const issue of issues) tooltip.appendMarkdown(`\n\n- ${escapeMarkdown(issue.message)}`);
    item.tooltip = tooltip;
    return item;
  }

  private attributeItem(participant: Participant, attribute: string): vscode.TreeItem {
    const declaration = this.model.overview?.schema.attributes.find((a) => a.name === attribute);
    const value = displayValue(participant.values[attribute]);
    const issue: AttributeIssue | undefined = participant.issues.find((i) => i.attribute === attribute);
    const item = new vscode.TreeItem(attribute, vscode.TreeItemCollapsibleState.None);
    item.id = `attribute:${participant.transcript}:${attribute}`;
    item.contextValue = 'participantAttribute';
    item.description = value === '' ? '—' : treeItemText(value);
    item.iconPath = issue ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon(TYPE_ICONS[declaration?.type ?? 'text']);
    const type = declaration ? (declaration.type === 'category' ? `category: ${(declaration.values ?? []).join(', ')}` : declaration.type) : 'not declared';
    item.tooltip = untrustedMarkdown(`**${escapeMarkdown(attribute)}** (${escapeMarkdown(type)})${issue ? `\n\n${escapeMarkdown(issue.message)}` : ''}`);
    const uri = this.host.project?.fs.uri(participant.transcript);
    const line = Math.max(0, (participant.lines.get(attribute) ?? 1) - 1);
    if (uri) item.command = { command: 'vscode.open', title: 'Show in Transcript', arguments: [uri, { selection: new vscode.Range(line, 0, line, 0), preview: true }] };
    return item;
  }
}

function schemaProblemItem(problem: FileProblem, host: ProjectHost): vscode.TreeItem {
  const item = new vscode.TreeItem(problem.message, vscode.TreeItemCollapsibleState.None);
  item.description = `${problem.path}${problem.line ? `:${problem.line}` : ''}`;
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  item.contextValue = 'attributesProblem';
  const uri = host.project?.fs.uri(problem.path);
  if (uri) {
    const line = Math.max(0, (problem.line ?? 1) - 1);
    item.command = { command: 'vscode.open', title: 'Open', arguments: [uri, { selection: new vscode.Range(line, 0, line, 0) }] };
  }
  return item;
}
