/**
 * The speaker → participant step of a transcript import: for each file, the speakers found in it
 * with what tells them apart (turns, words, the likely interviewer), and a name and role for each.
 */
import * as vscode from 'vscode';
import {
  proposeSpeakerMapping,
  SPEAKER_ROLES,
  speakerMappingProblems,
  speakerNameProblem,
  type DetectedSpeakers,
  type SpeakerAssignment,
  type SpeakerMapping,
  type SpeakerRole,
  type SpeakerSummary,
} from '../../core/interchange/transcripts';
import { quickPickText } from '../ui/untrusted';

interface SpeakerItem extends vscode.QuickPickItem {
  speaker?: SpeakerSummary;
  accept?: true;
}

const ROLE_DETAILS: Record<SpeakerRole, string> = {
  interviewer: 'asks the questions',
  participant: 'the person interviewed',
  other: 'anyone else: an interpreter, a relative, a note taker',
};

/**
 * What to offer for one file: a name remembered from earlier imports (or given earlier in this
 * one) wins over the guess, as long as it can still label a turn.
 */
export function proposeMapping(detected: DetectedSpeakers, ...known: SpeakerMapping[]): SpeakerMapping {
  const mapping = proposeSpeakerMapping(detected);
  for (const { label } of detected.speakers) {
    for (const source of known) {
      const assignment = Object.prototype.hasOwnProperty.call(source, label) ? source[label] : undefined;
      if (assignment !== undefined && speakerMappingProblems({ [label]: assignment }).length === 0) mapping[label] = assignment;
    }
  }
  return mapping;
}

/** Asks until the researcher accepts the names; undefined when they cancel the import. */
export async function askSpeakerMapping(detected: DetectedSpeakers, proposal: SpeakerMapping, title: string): Promise<SpeakerMapping | undefined> {
  const mapping: SpeakerMapping = { ...proposal };
  for (;;) {
    const choice = await vscode.window.showQuickPick(speakerItems(detected, mapping), {
      title: quickPickText(title),
      placeHolder: 'Select a speaker to set their name (a pseudonym) and role, or accept the names as they are',
      ignoreFocusOut: true,
    });
    if (choice === undefined) return undefined;
    if (choice.accept) return mapping;
    if (choice.speaker === undefined) continue;
    const label = choice.speaker.label;
    const changed = await editSpeaker(label, mapping[label], title);
    if (changed !== undefined) mapping[label] = changed;
  }
}

function speakerItems(detected: DetectedSpeakers, mapping: SpeakerMapping): SpeakerItem[] {
  const accept: SpeakerItem = {
    label: '$(check) Import with these names',
    description: quickPickText(detected.speakers.map((s) => mapping[s.label]?.name ?? s.label).join(', ')),
    accept: true,
    alwaysShow: true,
  };
  const speakers = detected.speakers.map((speaker): SpeakerItem => {
    const assignment = mapping[speaker.label];
    const guess = speaker.label === detected.interviewer ? ' · asks the most questions: probably the interviewer' : '';
    return {
      label: quickPickText(speaker.label),
      description: assignment ? quickPickText(`→ ${assignment.name} (${assignment.role})`) : '→ kept as it is',
      detail: `${plural(speaker.turns, 'turn')}, ${plural(speaker.words, 'word')}, ${plural(speaker.questions, 'turn')} with a question${guess}`,
      speaker,
    };
  });
  return [accept, { label: 'Speakers in this file', kind: vscode.QuickPickItemKind.Separator }, ...speakers];
}

/** Name, then role; undefined (back to the list) when either is cancelled. */
async function editSpeaker(label: string, current: SpeakerAssignment | undefined, title: string): Promise<SpeakerAssignment | undefined> {
  const name = await vscode.window.showInputBox({
    title: quickPickText(`${title}: "${label}"`),
    prompt: 'The name the transcript will give this speaker: a pseudonym, "Interviewer", …',
    value: current?.name ?? label,
    ignoreFocusOut: true,
    validateInput: (value) => speakerNameProblem(value),
  });
  if (name === undefined) return undefined;
  const roles = SPEAKER_ROLES.map((role) => ({
    label: role,
    description: role === current?.role ? 'current' : undefined,
    detail: ROLE_DETAILS[role],
    role,
  }));
  const role = await vscode.window.showQuickPick(roles, { title: quickPickText(`${title}: role of ${name}`), ignoreFocusOut: true });
  return role === undefined ? undefined : { name, role: role.role };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
