/** Reading attributes and common children of REFI-QDA elements. */
import { RefiImportError } from './errors';
import { normaliseGuid } from './guid';
import { type XmlElement, childrenNamed, firstChild, lineOf } from './xml-read';

/** An attribute's value, or undefined when absent or blank. */
export function attr(element: XmlElement, name: string): string | undefined {
  const value = element.attributes.get(name);
  return value === undefined || value.trim() === '' ? undefined : value;
}

export function guidOf(element: XmlElement, name = 'guid'): string | undefined {
  const value = attr(element, name);
  return value === undefined ? undefined : normaliseGuid(value);
}

export function requiredGuid(element: XmlElement, name = 'guid'): string {
  const guid = guidOf(element, name);
  if (guid === undefined) throw new RefiImportError(`The <${element.name}> element at ${lineOf(element)} has no ${name} attribute.`);
  return guid;
}

export function noteRefsOf(element: XmlElement): string[] {
  return childrenNamed(element, 'NoteRef').map((ref) => requiredGuid(ref, 'targetGUID'));
}

export function descriptionOf(element: XmlElement): string | undefined {
  const text = firstChild(element, 'Description')?.text;
  return text === undefined || text.trim() === '' ? undefined : text;
}

/** The value of a VariableValue: its VariableRef and its one value element. */
export function variableValueOf(element: XmlElement): [string, string, string] {
  const ref = firstChild(element, 'VariableRef');
  if (!ref) throw new RefiImportError(`The <VariableValue> at ${lineOf(element)} has no <VariableRef>.`);
  const value = element.children.find((c) => c.name.endsWith('Value'));
  return [requiredGuid(ref, 'targetGUID'), value?.name ?? 'TextValue', value?.text ?? ''];
}

