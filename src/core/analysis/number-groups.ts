/**
 * The groups a number attribute is cut into by edges (`--edges 30,45`: ≤ 30, 31–45, > 45), by their
 * labels. The crosstab names its columns so, and a cell's passages are asked for by the column's
 * label (`equals: ["31–45"]`), so making a label and reading one back live here together.
 */

/** The label of the group `value` falls in; `integers` when values and edges are whole numbers. */
export function numberGroupLabel(value: number, edges: readonly number[], integers: boolean): string {
  const i = edges.findIndex((edge) => value <= edge);
  if (i === 0) return `≤ ${edges[0]}`;
  if (i < 0) return `> ${edges[edges.length - 1]}`;
  // Ages and years are whole numbers: 31–45 reads better than 30 < x ≤ 45.
  return integers ? `${edges[i - 1] + 1}–${edges[i]}` : `${edges[i - 1]} < x ≤ ${edges[i]}`;
}

const N = String.raw`(-?\d+(?:\.\d+)?)`;
const AT_MOST = new RegExp(`^≤ ${N}$`);
const ABOVE = new RegExp(`^> ${N}$`);
const BETWEEN = new RegExp(`^${N} < x ≤ ${N}$`);
const WHOLE_RANGE = new RegExp(`^${N}–${N}$`);

/** Whether `value` is in the group `label` names; undefined when `label` names no number group. */
export function inNumberGroup(label: string, value: number): boolean | undefined {
  let match = AT_MOST.exec(label);
  if (match) return value <= Number(match[1]);
  match = ABOVE.exec(label);
  if (match) return value > Number(match[1]);
  match = BETWEEN.exec(label);
  if (match) return value > Number(match[1]) && value <= Number(match[2]);
  match = WHOLE_RANGE.exec(label);
  if (match) return value >= Number(match[1]) && value <= Number(match[2]);
  return undefined;
}
