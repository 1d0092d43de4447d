/**
 * Tables: a markdown table read into units, one per row, with its cells and its header.
 */
import type { Table } from 'mdast';
import { TextBuilder } from './text-builder.js';
import { Unit } from './units.js';

export interface Cell {
  text: string;
  /** Index of the cell's first character in the unit text. */
  at: number;
}

export interface TableModel {
  header: string[];
  headerUnit: Unit;
  rows: Unit[];
}

export function tableUnits(text: string, table: Table): Unit[] {
  const units: Unit[] = [];
  const rows: Unit[] = [];
  let header: string[] = [];
  let headerUnit: Unit | null = null;
  table.children.forEach((row, r) => {
    const b = new TextBuilder(text, 0);
    const cells: Cell[] = [];
    row.children.forEach((cell, c) => {
      if (c > 0) b.addSeparator(' | ');
      cells.push({ text: '', at: b.text.length });
      b.addChildren(cell);
      cells[c].text = b.text.slice(cells[c].at).trim();
    });
    const p = row.position!;
    const unit = new Unit('tableRow', b.text, p.start.offset!, p.end.offset!, b.runs);
    unit.cells = cells;
    if (r === 0) {
      unit.isHeaderRow = true;
      header = cells.map((c) => c.text);
      headerUnit = unit;
    } else rows.push(unit);
    units.push(unit);
  });
  const model: TableModel = { header, headerUnit: headerUnit!, rows };
  headerUnit!.table = model;
  for (const r of rows) r.table = model;
  return units;
}
