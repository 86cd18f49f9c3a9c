import * as vscode from 'vscode';
import { PlacementCache } from '../core/placement';
import type { ProjectIndex } from '../core/project-index';
import type { ProjectStore } from '../core/storage/project-store';
import { registerCodebookCommands } from './codebook/codebook-commands';
import { CodebookDragAndDrop } from './codebook/codebook-dnd';
import { registerCodebookReorganising } from './codebook/codebook-reorganise';
import { UnusedCodeDecorations } from './codebook/unused-code-decorations';
import { CodingUndo } from './coding/undo-commands';
import { CodebookTreeProvider, type CodebookNode } from './codebook/codebook-tree';
import { SwatchIcons } from './codebook/swatch-icons';
import { registerCodingCommands } from './coding/coding-commands';
import { DecorationPainter, type PaintedCoding } from './coding/decorations';
import { registerCodingHover } from './coding/hover';
import { TranscriptTracker } from './coding/transcript-tracker';
import { registerInterchangeCommands } from './interchange/interchange-commands';
import { registerKeyboardCoding } from './keyboard/register-keyboard-coding';
import { followTranscriptRenames } from './project/follow-renames';
import { ProblemDiagnostics } from './project/problem-diagnostics';
import { registerProjectCommands } from './project/project-commands';
import { registerConflictCommands } from './project/conflict-commands';
import { ProjectHost } from './project/project-host';
import type { ProjectFileSystem } from './project/workspace-file-system';
import { IndexHost } from './project/index-host';
import { registerNeedsReviewCommands } from './needs-review/needs-review-commands';
import { NeedsReviewStatus } from './needs-review/needs-review-status';
import { NeedsReviewTreeProvider, type NeedsReviewNode } from './needs-review/needs-review-tree';
import { registerStudyFeatures } from './memos/study-features';
import { onDidShowCodePicker, type CodePickerShown } from './coding/code-picker';
import { notice, showError, shownNotifications, type ShownNotification } from './ui/notifications';
import { registerAnalysis, type AnalysisApi } from './analysis/analysis-commands';
import { registerMemoCodebookFeatures } from './memos/memo-codebook-features';
import { LOADED_VIEWS, LoadProbe, watchLoad, type LoadReport } from './project/load-probe';
import { registerAgreement, type AgreementApi } from './agreement/register-agreement';
import { registerCodingReview, type CodingReviewApi } from './coding-review/register-coding-review';
import type { Platform } from './platform/platform';
import { registerRounds, type RoundsApi } from './rounds/register-rounds';
import { registerRelations, type RelationsApi } from './relations/relation-commands';

/** What the extension exports: lets integration tests (and other extensions) reach the store. */
export interface GroundedApi extends AnalysisApi, AgreementApi, RoundsApi, RelationsApi {
  store(): ProjectStore | undefined;
  /** The open project's files, as the store reads and writes them. */
  fileSystem(): ProjectFileSystem | undefined;
  /** The ranges painted per code id in a document's visible editors. */
  paintedRanges(document: vscode.TextDocument): PaintedCoding;
  codebookTree: CodebookTreeProvider;
  codebookDragAndDrop: vscode.TreeDragAndDropController<CodebookNode>;
  /** The Needs Review list and the status bar text for the active transcript. */
  needsReview: NeedsReviewTreeProvider;
  statusText(): string;
  /** The live read model of the project, once built after the project opened. */
  index(): ProjectIndex | undefined;
  /** Resolves once the workspace's project (if any) is open. */
  ready: Promise<void>;
  /** The latest notifications shown, newest last (VS Code's API cannot list them). */
  notifications(): readonly ShownNotification[];
  /** Fires when a code picker is on screen (and when it switches to ticking several codes). */
  onDidShowCodePicker: vscode.Event<CodePickerShown>;
  /** How long `activate()` took, in milliseconds. */
  activationMs: number;
  /** How long opening the project took after activation (config, coder, codebook), once ready. */
  projectOpenMs(): number | undefined;
  /** Resolves once every view has its data after the project opened: how long that took. */
  loadReport(): Promise<LoadReport>;
  /** Compare Coding with a revision, Compare Coders, Disagreements and reconciling. */
  codingReview: CodingReviewApi;
}

/** Set while active, so deactivation can wait for the last coding writes. */
let activeHost: ProjectHost | undefined;

/**
 * Composition only: build the parts, wire them together, hand every disposable to VS Code. The
 * same on the desktop and in a browser: extension-node.ts and extension-web.ts pass their platform.
 */
export async function activate(context: vscode.ExtensionContext, platform: Platform): Promise<GroundedApi> {
  const started = performance.now();
  const probe = new LoadProbe(LOADED_VIEWS);
  const log = vscode.window.createOutputChannel('Grounded', { log: true });
  const host = new ProjectHost(log, platform);
  activeHost = host;
  const placements = new PlacementCache();
  const tracker = new TranscriptTracker(host, placements);
  const index = new IndexHost(host, placements, log);
  const tree = new CodebookTreeProvider(host, new SwatchIcons(context.globalStorageUri));
  const painter = new DecorationPainter(host, tracker);
  const review = new NeedsReviewTreeProvider(host, tracker, index);
  const reviewView = review.showIn(vscode.window.createTreeView<NeedsReviewNode>('grounded.needsReview', { treeDataProvider: review }));
  const status = new NeedsReviewStatus(tracker);
  const dragAndDrop = new CodebookDragAndDrop(host);
  const view = vscode.window.createTreeView<CodebookNode>('grounded.codebook', {
    treeDataProvider: tree,
    showCollapseAll: true,
    canSelectMany: true,
    dragAndDropController: dragAndDrop,
  });
  const unused = new UnusedCodeDecorations((id) => tree.isUnused(id));

  context.subscriptions.push(
    log,
    host,
    tracker,
    index,
    tree,
    view,
    painter,
    review,
    reviewView,
    status,
    ...registerNeedsReviewCommands(host, tracker, review),
    registerCodingHover(host, tracker),
    ...registerCodingCommands(host, tracker, context.workspaceState),
    ...registerKeyboardCoding({ host, tracker, painter, context }),
    ...registerCodebookCommands(host, tracker, view),
    ...registerCodebookReorganising(host, tracker, tree, view),
    unused,
    tree.onDidChangeTreeData(() => unused.refresh()),
    new CodingUndo(host),
    ...registerProjectCommands(host, log),
    ...registerConflictCommands(host),
    ...registerInterchangeCommands(host, log),
    followTranscriptRenames(host, log),
    new ProblemDiagnostics(host, index),
    ...registerMemoCodebookFeatures(host, index, view),
  );

  // Opening the project reads files; activation does not wait for it, so VS Code's startup never
  // does either. Views and commands ask the host, which says when the project is there.
  let projectOpenMs: number | undefined;
  const opening = performance.now();
  const ready = host.start().then(
    () => {
      projectOpenMs = performance.now() - opening;
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      log.error(message);
      void showError(notice`Grounded could not open the project: ${message}`);
    },
  );
  const study = registerStudyFeatures(host, tracker, index, context, log);
  // What each view waits for before it shows its first items, for the host benchmarks.
  const topLevel = (tree: vscode.TreeDataProvider<unknown>) => async () => {
    for (const node of (await tree.getChildren()) ?? []) await tree.getTreeItem(node);
  };
  context.subscriptions.push(probe);
  void ready.then(() =>
    watchLoad(probe, host, {
      index: () => index.settled(),
      codebook: topLevel(tree),
      needsReview: async () => review.firstScan.then(topLevel(review)),
      memos: async () => index.settled().then(topLevel(study.study.memos)),
      participants: async () => index.settled().then(topLevel(study.study.participants)),
    }),
  );
  return {
    store: () => host.project?.store,
    fileSystem: () => host.project?.fs,
    index: () => index.index,
    paintedRanges: (document) => painter.paintedRanges(document),
    codebookTree: tree,
    codebookDragAndDrop: dragAndDrop,
    needsReview: review,
    statusText: () => status.text,
    ready,
    notifications: shownNotifications,
    onDidShowCodePicker,
    activationMs: performance.now() - started,
    projectOpenMs: () => projectOpenMs,
    loadReport: () => probe.report,
    ...study,
    ...registerAnalysis(context, host, index),
    ...registerAgreement(context, host, index),
    codingReview: registerCodingReview(context, host, index),
    ...registerRounds(context, host, tree, view),
    ...registerRelations(context, host, index, view),
  };
}

/** Nothing may be lost on shutdown: wait for pending coding writes. */
export async function deactivate(): Promise<void> {
  await activeHost?.project?.store.flush();
  activeHost = undefined;
}
