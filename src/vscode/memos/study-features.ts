import * as vscode from 'vscode';
import type { TranscriptTracker } from '../coding/transcript-tracker';
import { registerAttributeCommands } from '../participants/attribute-commands';
import { ParticipantsModel } from '../participants/participants-model';
import { ParticipantsTreeProvider, type ParticipantNode } from '../participants/participants-tree';
import type { IndexHost } from '../project/index-host';
import type { ProjectHost } from '../project/project-host';
import { registerFinishInterrupted } from '../pseudonymise/finish-interrupted';
import { registerPseudonymiseCommand } from '../pseudonymise/pseudonymise-command';
import { memoExcerptForCode, useMemoIndex } from './index';
import { registerMemoCommands } from './memo-commands';
import { MemoIndex } from './memo-index';
import { MemosTreeProvider, type MemoNode } from './memos-tree';
import { registerMemoGrouping } from './memo-grouping';

/** What the study features add to the extension's API (integration tests read the views). */
export interface StudyApi {
  memos: MemosTreeProvider;
  memoIndex: MemoIndex;
  participants: ParticipantsTreeProvider;
  participantsModel: ParticipantsModel;
  memoExcerptForCode(codeId: string): string | undefined;
}

/**
 * Memos, participants with their attributes, and pseudonymisation: the views and commands that
 * work on the study as a whole rather than on one code or segment. Everything created here is
 * handed to `context.subscriptions`.
 */
export function registerStudyFeatures(host: ProjectHost, tracker: TranscriptTracker, index: IndexHost, context: vscode.ExtensionContext, log: vscode.LogOutputChannel): { study: StudyApi } {
  const memoIndex = new MemoIndex(index);
  const memos = new MemosTreeProvider(host, memoIndex);
  const participantsModel = new ParticipantsModel(index);
  const participants = new ParticipantsTreeProvider(host, participantsModel);
  context.subscriptions.push(
    memoIndex,
    memos,
    useMemoIndex(memoIndex),
    vscode.window.createTreeView<MemoNode>('grounded.memos', { treeDataProvider: memos, showCollapseAll: true }),
    participantsModel,
    participants,
    vscode.window.createTreeView<ParticipantNode>('grounded.participants', { treeDataProvider: participants, showCollapseAll: true }),
    ...registerMemoCommands(host, tracker, memoIndex, log),
    registerMemoGrouping(memos),
    ...registerAttributeCommands(host, participantsModel, log),
    registerPseudonymiseCommand(host, log),
    ...registerFinishInterrupted(host, log),
  );
  return { study: { memos, memoIndex, participants, participantsModel, memoExcerptForCode } };
}
