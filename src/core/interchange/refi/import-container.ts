/**
 * Opening what the researcher gives us: a .qdpx archive, or a bare .qdc or .qde XML file. Archives
 * from different programs differ: `project.qde`, `Project.qde` or `<name>.qde`; `sources/` or
 * `Sources/`; `.root` placeholders; entries under a top folder. All of these are accepted.
 */
import { RefiImportError } from './errors';
import { type DecodedText, decodeText } from './text-decoding';
import { type XmlElement, parseXml } from './xml-read';
import { type ZipLimits, looksLikeZip, readZip } from './zip';

export interface ContainerOptions {
  limits?: ZipLimits;
}

export interface RefiContainer {
  kind: 'qdpx' | 'qde' | 'qdc';
  root: XmlElement;
  /**
   * The text of a file a `plainTextPath` names, from inside the archive only: undefined when the
   * archive does not hold it. Files a `relative://` or `absolute://` path names on this computer
   * are never read: an archive from anyone could otherwise copy any file of the researcher's
   * computer into the new project (and from there into an export or a commit).
   */
  readText(path: string): DecodedText | undefined;
}

export function openContainer(bytes: Uint8Array, options: ContainerOptions = {}): RefiContainer {
  if (looksLikeZip(bytes)) return openArchive(bytes, options);
  const decoded = decodeText(bytes);
  if (!decoded.text.trimStart().startsWith('<')) {
    throw new RefiImportError('This is not a REFI-QDA file: it is neither a zip archive (.qdpx) nor XML (.qdc, .qde).');
  }
  const root = parseXml(decoded.text, 'The file');
  const kind = rootKind(root, 'The file');
  return { kind, root, readText: () => undefined };
}

function rootKind(root: XmlElement, what: string): 'qde' | 'qdc' {
  if (root.name === 'Project') return 'qde';
  if (root.name === 'CodeBook') return 'qdc';
  throw new RefiImportError(`${what} is XML but not REFI-QDA: its root element is <${root.name}>, not <Project> or <CodeBook>.`);
}

function openArchive(bytes: Uint8Array, options: ContainerOptions): RefiContainer {
  const wanted = (name: string): boolean => /\.(qde|txt)$/i.test(name) && !isJunk(name);
  const { names, files } = readZip(bytes, wanted, options.limits);
  const qdeName = chooseProjectEntry(names.filter((n) => /\.qde$/i.test(n) && !isJunk(n)));
  const root = parseXml(decodeText(files.get(qdeName)!).text, qdeName);
  if (root.name !== 'Project') throw new RefiImportError(`${qdeName} is not a REFI-QDA project: its root element is <${root.name}>, not <Project>.`);
  const base = qdeName.slice(0, qdeName.lastIndexOf('/') + 1);
  const byLowerName = new Map([...files.keys()].map((n) => [n.toLowerCase(), n]));
  const findEntry = (fileName: string): string | undefined => {
    const direct = byLowerName.get(`${base}sources/${fileName}`.toLowerCase()) ?? byLowerName.get(`${base}${fileName}`.toLowerCase());
    if (direct) return direct;
    const baseName = fileName.slice(fileName.lastIndexOf('/') + 1).toLowerCase();
    const matches = [...files.keys()].filter((n) => n.slice(n.lastIndexOf('/') + 1).toLowerCase() === baseName);
    return matches.length === 1 ? matches[0] : undefined;
  };
  const readText = (path: string): DecodedText | undefined => {
    // Programs that keep sources beside the archive sometimes pack a copy of them too: that copy is used.
    const entry = findEntry(parseReference(path).path.replace(/^\/+/, ''));
    return entry === undefined ? undefined : decodeText(files.get(entry)!);
  };
  return { kind: 'qdpx', root, readText };
}

/** macOS resource forks and folders are never project files. */
function isJunk(name: string): boolean {
  return name.endsWith('/') || name.startsWith('__MACOSX/') || name.includes('/._') || name.startsWith('._');
}

function chooseProjectEntry(candidates: string[]): string {
  if (candidates.length === 1) return candidates[0];
  if (candidates.length === 0) throw new RefiImportError('The archive holds no .qde file: a .qdpx file must contain project.qde.');
  const named = candidates.filter((n) => n.slice(n.lastIndexOf('/') + 1).toLowerCase() === 'project.qde');
  if (named.length === 1) return named[0];
  throw new RefiImportError(`The archive holds several project files (${candidates.join(', ')}); it should hold exactly one.`);
}

/** `internal://x.txt`, `relative:///dir/x.txt`, `absolute:///C:/x.txt`, or a bare path (internal). */
function parseReference(path: string): { scheme: 'internal' | 'relative' | 'absolute'; path: string } {
  const match = /^(internal|relative|absolute):\/\/(.*)$/i.exec(path.trim());
  if (!match) return { scheme: 'internal', path: path.trim() };
  return { scheme: match[1].toLowerCase() as 'internal' | 'relative' | 'absolute', path: match[2] };
}

/** Does the path name a file outside the archive (on the computer that made it)? */
export function isOutsideArchive(path: string): boolean {
  return parseReference(path).scheme !== 'internal';
}
