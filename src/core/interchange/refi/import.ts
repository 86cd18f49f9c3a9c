/**
 * Importing a REFI-QDA file (.qdpx, .qdc or a bare .qde) as a new Grounded project. Everything is
 * read and checked first; the result is the complete list of files to write, so a file that cannot
 * be imported throws RefiImportError before the caller has written anything.
 */
import { GITIGNORE_CONTENT, GITIGNORE_FILE, PROJECT_FILE, codeFilePath, serializeCodeFile, serializeProjectFile } from '../../storage/format';
import { type ContainerOptions, type RefiContainer, isOutsideArchive, openContainer } from './import-container';
import { CoderDirectory, type ImportedCodebook, importCodes } from './import-codebook';
import { importRelations } from './import-links';
import { MEMOS_FOLDER, importMemos } from './import-memos';
import { type RefiModel, type RefiNote, type RefiTextSource, readModel } from './import-model';
import { type SourceContext, type SourceReading, importSelections } from './import-sources';
import { type ProjectFile, attributesOf, codingFiles } from './import-transcripts';
import { fileStem, slugify, uniquePath } from './project-files';
import type { DecodedText } from './text-decoding';
import { joinTranscript } from './transcript-text';

export interface RefiImportOptions extends ContainerOptions {
  /** The project's name when the file gives none (a .qdc): e.g. the file's name. */
  fallbackName?: string;
}

export interface SourceReport extends SourceReading {
  name: string;
  /** Where it was imported to; absent when it was not imported. */
  transcript?: string;
}

export interface RefiImportReport {
  kind: RefiContainer['kind'];
  projectName: string;
  origin: string;
  counts: { codes: number; transcripts: number; segments: number; memos: number; coders: number; transcriptsWithAttributes: number };
  sources: SourceReport[];
  warnings: string[];
}

export interface RefiImport {
  /** Every file of the new project: project-relative path and content. */
  files: ProjectFile[];
  report: RefiImportReport;
}

export const TRANSCRIPTS_FOLDER = 'interviews';

export function importRefi(bytes: Uint8Array, options: RefiImportOptions = {}): RefiImport {
  const container = openContainer(bytes, options);
  const model = readModel(container.root, options.fallbackName ?? 'Imported project');
  return new ProjectImport(container, model).run();
}

class ProjectImport {
  private readonly warnings: string[] = [];
  private readonly warn = (message: string): void => void this.warnings.push(message);
  private readonly codebook: ImportedCodebook;
  private readonly coders: CoderDirectory;
  private readonly noteTexts = new Map<string, string>();
  private readonly files: ProjectFile[] = [];
  private readonly transcripts = new Map<string, { path: string; label: string }>();
  private readonly sources: SourceReport[] = [];
  private readonly coderIds = new Set<string>();
  private segments = 0;
  private withAttributes = 0;

  constructor(
    private readonly container: RefiContainer,
    private readonly model: RefiModel,
  ) {
    this.codebook = importCodes(model.codes, this.warn);
    this.coders = new CoderDirectory(model, this.warn);
  }

  run(): RefiImport {
    const config = { name: this.model.name, transcripts: [`${TRANSCRIPTS_FOLDER}/**/*.md`], memos: MEMOS_FOLDER };
    this.files.push({ path: PROJECT_FILE, content: serializeProjectFile(config) }, { path: GITIGNORE_FILE, content: GITIGNORE_CONTENT });
    const noteText = (note: RefiNote): string => this.noteText(note);
    const relations = importRelations(this.model, this.codebook.ids, noteText, this.warn);
    for (const code of this.codebook.codes) {
      const own = relations.byCode.get(code.id);
      if (own !== undefined) code.relations = own;
    }
    this.files.push(...this.codebook.codes.map((code) => ({ path: codeFilePath(code.id), content: serializeCodeFile(code) })));
    const usedPaths = new Set<string>();
    for (const source of this.model.sources) this.importSource(source, usedPaths);
    const memos = importMemos(this.model, { codeIds: this.codebook.ids, transcripts: this.transcripts, noteText, relationNotes: relations.notes }, usedPaths);
    this.files.push(...memos);
    this.reportSkipped(relations.imported);
    const counts = {
      codes: this.codebook.codes.length,
      transcripts: this.transcripts.size,
      segments: this.segments,
      memos: memos.length,
      coders: this.coderIds.size,
      transcriptsWithAttributes: this.withAttributes,
    };
    const { name: projectName, origin } = this.model;
    return { files: this.files, report: { kind: this.container.kind, projectName, origin, counts, sources: this.sources, warnings: this.warnings } };
  }

  private importSource(source: RefiTextSource, usedPaths: Set<string>): void {
    const label = source.name ?? source.guid;
    const decoded = this.sourceText(source, label);
    if (decoded === undefined) {
      const count = source.selections.length;
      this.sources.push({ name: label, reading: 'not read', basis: 'default', selections: count, fitting: 0, skipped: count });
      return;
    }
    const { body, segments, reading } = importSelections(source, label, decoded, this.sourceContext());
    const path = uniquePath(TRANSCRIPTS_FOLDER, slugify(fileStem(source.name ?? ''), 'transcript'), usedPaths);
    const attributes = attributesOf(source, this.model, this.warn);
    const text = joinTranscript(attributes, body);
    const coding = codingFiles(path, text, text.length - body.length, segments, this.codebook.ids);
    this.files.push({ path, content: text }, ...coding);
    for (const segment of segments) this.coderIds.add(segment.coder.id);
    this.transcripts.set(source.guid, { path, label });
    this.sources.push({ name: label, transcript: path, ...reading });
    this.segments += segments.length;
    if (attributes.length > 0) this.withAttributes++;
  }

  /** The source's plain text; undefined (with a warning) when it is missing or empty. */
  private sourceText(source: RefiTextSource, label: string): DecodedText | undefined {
    const decoded =
      source.content !== undefined
        ? { text: source.content, hadBom: false }
        : source.plainTextPath !== undefined
          ? this.container.readText(source.plainTextPath)
          : undefined;
    const selections = `${source.selections.length} selection(s)`;
    if (decoded === undefined && source.plainTextPath !== undefined && isOutsideArchive(source.plainTextPath)) {
      this.warn(`${label}: its text is a file outside the archive (${source.plainTextPath}), and Grounded imports only what the archive holds; the source and its ${selections} are not imported. Export the project again with its sources inside the archive`);
    } else if (decoded === undefined) {
      this.warn(`${label}: its text (${source.plainTextPath ?? 'no plainTextPath'}) is not in the file; the source and its ${selections} are not imported`);
    } else if (decoded.text.trim() === '') {
      const why = source.richTextPath ? 'only its rich-text version has content, and Grounded imports plain text' : 'its text is empty';
      this.warn(`${label}: not imported: ${why} (${selections})`);
      return undefined;
    } else if (decoded.fallback) {
      this.warn(`${label}: its text is not valid UTF-8; it was read as Windows-1252`);
    }
    return decoded;
  }

  private sourceContext(): SourceContext {
    return {
      origin: this.model.origin,
      coderOf: (...users) => this.coders.coderOf(...users),
      noteTexts: (guids) => guids.map((guid) => this.noteText(this.model.notes.get(guid)!)),
      warn: this.warn,
    };
  }

  /** A note's text, from its content or its file, read once. */
  private noteText(note: RefiNote): string {
    let text = this.noteTexts.get(note.guid);
    if (text === undefined) {
      const decoded = note.content !== undefined ? { text: note.content } : note.plainTextPath ? this.container.readText(note.plainTextPath) : undefined;
      if (decoded === undefined && note.plainTextPath) {
        const why = isOutsideArchive(note.plainTextPath) ? 'is a file outside the archive, and Grounded imports only what the archive holds' : 'is not in the file';
        this.warn(`note "${note.name}": its text (${note.plainTextPath}) ${why}; imported empty`);
      }
      text = (decoded?.text ?? '').replace(/\r\n?/g, '\n');
      this.noteTexts.set(note.guid, text);
    }
    return text;
  }

  private reportSkipped(relations: number): void {
    const { otherSources, sets, graphs } = this.model.skipped;
    const links = this.model.skipped.links - relations;
    if (otherSources > 0) this.warn(`${otherSources} PDF, picture, audio or video source(s) are not imported: Grounded codes text transcripts`);
    if (links > 0) this.warn(`${links} link(s) between sources, selections or other items that are not two codes are not imported`);
    if (sets > 0) this.warn(`${sets} set(s) are not imported: Grounded has no sets`);
    if (graphs > 0) this.warn(`${graphs} graph(s) are not imported`);
  }
}
